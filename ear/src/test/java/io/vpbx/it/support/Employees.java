package io.vpbx.it.support;

import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;

/** Creates employees with SIP numbers as the domain's admin would, for the SIP tests. */
public final class Employees {
    private Employees() {}

    /** A new employee (login {@code emp<extension>}) with the given SIP settings. */
    public static SipCredentials create(
            DomainUsersService users,
            LoginResult admin,
            String extension,
            SipNumberSettings settings)
            throws Exception {
        return Identities.as(
                admin,
                () -> {
                    long id =
                            users.createUser(
                                    new NewDomainUser(
                                            extension,
                                            "Employee " + extension,
                                            "emp" + extension,
                                            null));
                    users.changeSipNumber(id, settings);
                    return users.sipCredentials(id);
                });
    }
}
