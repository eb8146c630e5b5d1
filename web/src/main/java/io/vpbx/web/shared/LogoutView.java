package io.vpbx.web.shared;

import io.vpbx.web.security.Console;
import io.vpbx.web.security.ConsoleSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Logging out of the console of the current page (spec A BR-10: back to that console's login form).
 */
@Named
@RequestScoped
public class LogoutView {
    public void logout() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Console console = Console.ofPath(request.getServletPath());
        if (console == null) {
            external.redirect(request.getContextPath() + "/");
            return;
        }
        ConsoleSessions.logOut(request, console);
        external.redirect(request.getContextPath() + console.loginPage());
    }
}
