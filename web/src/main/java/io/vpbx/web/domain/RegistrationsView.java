package io.vpbx.web.domain;

import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.RegistrationRow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** «Регистрации SIP»: the domain's SIP numbers and the devices registered on each. */
@Named
@RequestScoped
public class RegistrationsView {
    @Inject private DomainUsersService users;

    private List<RegistrationRow> rows;

    public List<RegistrationRow> getRows() {
        if (rows == null) {
            rows = users.registrations();
        }
        return rows;
    }

    /** How many devices are registered now. */
    public long getRegisteredCount() {
        return getRows().stream().filter(r -> r.contact() != null).count();
    }
}
