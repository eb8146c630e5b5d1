package io.vpbx.web.security;

import io.vpbx.application.auth.AuthenticationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Establishes the caller of every console request from that console's login in the session. The
 * login pages authenticate (through {@link AuthenticationService}) and store the login; this
 * mechanism only re-asserts it, after asking the core whether the account and its domain may still
 * act, so that blocking an admin ends their sessions with their next click. The personal cabinet
 * asks a question of its own: an employee who is no admin may act there, and only there.
 *
 * <p>An unauthenticated request for a protected page is sent to that console's login page; a Faces
 * Ajax request gets a partial-response redirect, which the browser follows.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {
    @Inject private AuthenticationService authentication;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Console console =
                Console.ofPath(request.getServletPath() + nullToEmpty(request.getPathInfo()));
        if (console == null) {
            return context.doNothing();
        }
        ConsoleLogin login = ConsoleSessions.current(request, console);
        if (login != null) {
            boolean valid =
                    console == Console.MY
                            ? authentication.isCabinetSessionValid(login.principalName())
                            : authentication.isSessionValid(login.principalName());
            if (valid) {
                return context.notifyContainerAboutLogin(login.principalName(), login.roles());
            }
            ConsoleSessions.logOut(request, console);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        try {
            redirect(request, response, request.getContextPath() + console.loginPage());
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, String location)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                                    + location
                                    + "\"></redirect></partial-response>");
        } else {
            response.sendRedirect(location);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
