package io.vpbx.web.security;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The landing point of a pool admin's jump into a domain console: redeems the one-time token from
 * the query string and logs this browser into the domain console as that domain's admin. A used,
 * expired or forged token ends on the domain login page with a clear message.
 */
@WebServlet(urlPatterns = "/domain/jump")
public class ConsoleJumpServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject private AuthenticationService authentication;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        LoginResult result = authentication.redeemConsoleJump(request.getParameter("token"));
        if (result.isSuccess()) {
            ConsoleSessions.loggedIn(request, Console.DOMAIN, result);
            response.sendRedirect(request.getContextPath() + Console.DOMAIN.homePage());
        } else {
            response.sendRedirect(
                    request.getContextPath()
                            + Console.DOMAIN.loginPage()
                            + "?jump="
                            + result.outcome().name());
        }
    }
}
