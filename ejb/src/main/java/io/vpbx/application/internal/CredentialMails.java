package io.vpbx.application.internal;

import io.vpbx.application.Notification;
import io.vpbx.application.NotificationPort;
import io.vpbx.application.PlatformSettings;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The "send login details by e-mail" option of the account forms. The password is in the mail
 * because that is what the option is for; it travels through the durable queue and is never logged.
 */
@ApplicationScoped
class CredentialMails {
    @Inject private NotificationPort notifications;
    @Inject private PlatformSettings settings;

    /**
     * Login details of a pool console account: for a new account, for a password a supervisor has
     * just set ({@code newAccount} false), or a reminder without password ({@code password} null).
     */
    void poolAdmin(
            Pool pool,
            String email,
            String displayName,
            String login,
            String password,
            boolean newAccount,
            Locale locale) {
        Map<String, String> values = new HashMap<>();
        values.put("poolName", pool.name());
        values.put("displayName", displayName);
        values.put("login", login);
        values.put("url", settings.publicBaseUrl() + "/group/");
        String template = "poolAdminAccess";
        if (password != null) {
            values.put("password", password);
            template = newAccount ? "poolAdminCredentials" : "poolAdminNewPassword";
        }
        notifications.send(new Notification(email, template, locale, values));
    }

    /** Login details of a new domain admin. */
    void domainAdmin(
            Domain domain,
            String email,
            String displayName,
            String login,
            String password,
            Locale locale) {
        notifications.send(
                new Notification(
                        email,
                        "domainAdminCredentials",
                        locale,
                        Map.of(
                                "domain", domain.name().value(),
                                "displayName", displayName,
                                "login", login,
                                "password", password,
                                "url", settings.publicBaseUrl() + "/domain/")));
    }

    /**
     * An employee's login details: the personal cabinet's address, domain and login, the console
     * password when one was just set ({@code consolePassword}, else the mail says how to get one),
     * and the SIP credentials for a phone.
     */
    void employee(
            Domain domain,
            DomainUser user,
            String consolePassword,
            String sipLogin,
            String sipPassword,
            int sipPort,
            Locale locale) {
        Map<String, String> values = new HashMap<>();
        values.put("domain", domain.name().value());
        values.put("displayName", user.displayName());
        values.put("login", user.login().value());
        values.put("extension", user.extension() == null ? "" : user.extension().value());
        values.put("url", settings.publicBaseUrl() + "/my/");
        values.put("registrar", domain.name().value());
        values.put("port", Integer.toString(sipPort));
        values.put("sipLogin", sipLogin);
        values.put("sipPassword", sipPassword);
        String template = "employeeSipCredentials";
        if (consolePassword != null) {
            values.put("password", consolePassword);
            template = "employeeCredentials";
        }
        notifications.send(new Notification(user.email().value(), template, locale, values));
    }
}
