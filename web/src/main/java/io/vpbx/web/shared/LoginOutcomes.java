package io.vpbx.web.shared;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.web.security.Console;
import io.vpbx.web.security.ConsoleSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

/**
 * What a login page does with the answer: on success, store the console login and open the console;
 * otherwise a clear message. Wrong login and wrong password read the same.
 */
@ApplicationScoped
public class LoginOutcomes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject private PlatformSettings settings;

    public void handle(Console console, LoginResult result) throws IOException {
        if (result.isSuccess()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            ConsoleSessions.loggedIn(request, console, result);
            external.redirect(request.getContextPath() + console.homePage());
            return;
        }
        switch (result.outcome()) {
            case LOCKED ->
                    UiActions.error(
                            null,
                            "login.locked",
                            TIME.format(result.lockedUntil().atZone(settings.displayZone())));
            case ACCOUNT_BLOCKED -> UiActions.error(null, "login.accountBlocked");
            case DOMAIN_BLOCKED -> UiActions.error(null, "login.domainBlocked");
            case NO_CONSOLE_ACCESS -> UiActions.error(null, "login.noConsoleAccess");
            case LINK_INVALID -> UiActions.error(null, "login.linkInvalid");
            default -> UiActions.error(null, "login.invalid");
        }
    }
}
