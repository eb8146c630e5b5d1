package io.vpbx.web.security;

import io.vpbx.application.auth.LoginResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Storing and removing console logins in the HTTP session. */
public final class ConsoleSessions {
    private ConsoleSessions() {}

    /**
     * Records a successful login to a console. The session id changes (session fixation protection:
     * an id planted before the login is worthless after it).
     */
    public static void loggedIn(HttpServletRequest request, Console console, LoginResult result) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(
                console.sessionAttribute(),
                new ConsoleLogin(result.principalName(), result.roles(), result.displayName()));
    }

    /** The login of a console in this request's session, or {@code null}. */
    public static ConsoleLogin current(HttpServletRequest request, Console console) {
        HttpSession session = request.getSession(false);
        return session == null
                ? null
                : (ConsoleLogin) session.getAttribute(console.sessionAttribute());
    }

    /** Logs out of one console; the session ends when no console is logged in any more. */
    public static void logOut(HttpServletRequest request, Console console) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        session.removeAttribute(console.sessionAttribute());
        for (Console other : Console.values()) {
            if (session.getAttribute(other.sessionAttribute()) != null) {
                return;
            }
        }
        session.invalidate();
    }
}
