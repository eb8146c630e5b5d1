package io.vpbx.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /platform/}, {@code /group/}, {@code /domain/} and {@code /my/} open the console's home
 * page (or its login).
 */
@WebServlet(urlPatterns = {"/platform/", "/group/", "/domain/", "/my/"})
public class ConsoleHomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Console console = Console.ofPath(request.getServletPath());
        String target =
                ConsoleSessions.current(request, console) == null
                        ? console.loginPage()
                        : console.homePage();
        response.sendRedirect(request.getContextPath() + target);
    }
}
