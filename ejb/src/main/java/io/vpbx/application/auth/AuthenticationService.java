package io.vpbx.application.auth;

import java.util.Locale;

/**
 * Console logins. Every method is open to unauthenticated callers (that is what logging in means);
 * the caller's address comes from the request, and repeated failures from one address lock the
 * account there.
 */
public interface AuthenticationService {
    /** {@code /platform}: login and password. */
    LoginResult loginToPlatform(String login, String password);

    /** {@code /group}: login and password; pool admin logins are unique on the platform. */
    LoginResult loginToPool(String login, String password);

    /** {@code /domain}: login, password and the domain's name (spec A BR-5). */
    LoginResult loginToDomain(String domainName, String login, String password);

    /**
     * {@code /my}, the employee's personal cabinet: login, password and the domain's name, like the
     * domain console, but open to every active employee (a domain admin too). The session gets only
     * the employee role, whatever else the account may do elsewhere. Wrong passwords count towards
     * the same lock-out as at the domain console's form.
     */
    LoginResult loginToCabinet(String domainName, String login, String password);

    /**
     * Redeems a console-jump token issued in the pool console: a session in the domain console with
     * domain-admin rights, acting as the pool admin who jumped. Single use.
     */
    LoginResult redeemConsoleJump(String token);

    /**
     * Whether a session's principal may still act: the account exists, is not blocked, and its
     * domain is not blocked. Checked on every request, so blocking someone ends their sessions at
     * once.
     */
    boolean isSessionValid(String principalName);

    /**
     * Whether a personal cabinet session's principal may still act: an active employee of a domain
     * that is not blocked. Unlike {@link #isSessionValid}, the account need not be an admin.
     */
    boolean isCabinetSessionValid(String principalName);

    /**
     * Sends a recovery link to the e-mail of the domain user, if such a user exists and has an
     * e-mail. Answers the same either way, so the form cannot be used to find out who has an
     * account.
     */
    void requestPasswordRecovery(String domainName, String login, Locale locale);

    /** Whether a recovery link can still be used (for showing the form or a clear error). */
    boolean isRecoveryLinkUsable(String token);

    /** Sets a new password through a recovery link; the link is used up. */
    void resetPassword(String token, String newPassword, String repeat);

    /**
     * Changes the caller's own password, in whichever console they are: the current password is
     * checked (wrong guesses count towards a lock-out, like logins), the new one must follow the
     * password policy. A pool admin who jumped into a domain has no password there and cannot use
     * it.
     */
    void changeMyPassword(String currentPassword, String newPassword, String repeat);
}
