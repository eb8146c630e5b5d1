package io.vpbx.application.auth;

import java.time.Instant;
import java.util.Set;

/**
 * The answer to a login attempt. On success it carries the principal name and roles the web layer
 * hands to the container for every following request of the session.
 *
 * @param outcome what happened
 * @param principalName the {@link io.vpbx.model.security.ActorRef} principal name, on success
 * @param roles the container roles, on success
 * @param displayName whom to greet, on success
 * @param lockedUntil when the lock ends, for {@link Outcome#LOCKED}
 */
public record LoginResult(
        Outcome outcome,
        String principalName,
        Set<String> roles,
        String displayName,
        Instant lockedUntil) {

    /** Why a login succeeded or not. Wrong login and wrong password are one outcome, by design. */
    public enum Outcome {
        SUCCESS,
        INVALID_CREDENTIALS,
        LOCKED,
        ACCOUNT_BLOCKED,
        DOMAIN_BLOCKED,
        /**
         * Right password, but the account has no access to this console (an employee at /domain).
         */
        NO_CONSOLE_ACCESS,
        LINK_INVALID
    }

    public LoginResult {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static LoginResult success(String principalName, Set<String> roles, String displayName) {
        return new LoginResult(Outcome.SUCCESS, principalName, roles, displayName, null);
    }

    public static LoginResult failure(Outcome outcome) {
        return new LoginResult(outcome, null, null, null, null);
    }

    public static LoginResult locked(Instant until) {
        return new LoginResult(Outcome.LOCKED, null, null, null, until);
    }

    public boolean isSuccess() {
        return outcome == Outcome.SUCCESS;
    }
}
