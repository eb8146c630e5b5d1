package io.vpbx.model.security;

import java.time.Duration;

/** What a single-use token is for, and how long it lives. */
public enum TokenPurpose {
    /**
     * The link in a password-recovery e-mail: a day, so it survives a night in the inbox (spec A
     * BR-7).
     */
    PASSWORD_RECOVERY(Duration.ofHours(24)),

    /**
     * A pool admin's jump into a domain console: opened by the browser at once, so one minute is
     * ample.
     */
    CONSOLE_JUMP(Duration.ofSeconds(60));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
