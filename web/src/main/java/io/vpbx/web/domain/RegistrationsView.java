package io.vpbx.web.domain;

import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.web.shared.UiActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** «Регистрации SIP»: the domain's SIP numbers and the devices registered on each. */
@Named
@RequestScoped
public class RegistrationsView {
    @Inject private DomainUsersService users;
    @Inject private DomainConsoleService console;

    private List<RegistrationRow> rows;
    private String allowList;

    public List<RegistrationRow> getRows() {
        if (rows == null) {
            rows = users.registrations();
        }
        return rows;
    }

    /** The addresses the domain's phones may register from (one per line or comma-separated). */
    public String getAllowList() {
        if (allowList == null) {
            allowList = console.sipAllowList();
        }
        return allowList;
    }

    public void setAllowList(String allowList) {
        this.allowList = allowList;
    }

    public void saveAllowList() {
        if (UiActions.attempt(
                () -> console.changeSipAllowList(allowList),
                Map.of("sipAllowList", "allowForm:allowList"))) {
            allowList = null;
            UiActions.info("registrations.allowSaved");
        }
    }

    /** How many devices are registered now. */
    public long getRegisteredCount() {
        return getRows().stream().filter(r -> r.contact() != null).count();
    }
}
