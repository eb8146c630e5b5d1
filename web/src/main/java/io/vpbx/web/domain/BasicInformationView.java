package io.vpbx.web.domain;

import io.vpbx.application.domain.BasicInformation;
import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.web.shared.UiActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * "Basic information": company, SIP domain, App ID and routing number of the caller's domain, and
 * the domain's general settings that the admin changes here: the pickup code («Номер перехвата»).
 */
@Named
@RequestScoped
public class BasicInformationView {
    @Inject private DomainConsoleService console;

    private BasicInformation info;
    private String pickupCode;

    public BasicInformation getInfo() {
        if (info == null) {
            info = console.basicInformation();
        }
        return info;
    }

    public String getPickupCode() {
        if (pickupCode == null) {
            pickupCode = console.pickupCode();
        }
        return pickupCode;
    }

    public void setPickupCode(String pickupCode) {
        this.pickupCode = pickupCode;
    }

    public void savePickupCode() {
        if (UiActions.attempt(
                () -> console.changePickupCode(pickupCode),
                Map.of("pickupCode", "pickupForm:pickupCode"))) {
            pickupCode = null;
            UiActions.info("domain.pickupCodeSaved", getPickupCode());
        }
    }
}
