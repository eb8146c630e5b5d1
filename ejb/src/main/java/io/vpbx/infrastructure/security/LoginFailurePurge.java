package io.vpbx.infrastructure.security;

import io.vpbx.model.security.LoginFailureRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Forgets failed-login records a day after their last failure and lock. A successful login forgets
 * its own record at once; this catches the rest (guessed logins that never succeed), so the table
 * stays small. Harmless on several nodes: each runs the same idempotent delete.
 */
@Singleton
public class LoginFailurePurge {
    private static final Logger LOG = Logger.getLogger(LoginFailurePurge.class.getName());

    @Inject private LoginFailureRepository failures;
    @Inject private Clock clock;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        int removed = failures.purgeOlderThan(clock.instant().minus(Duration.ofDays(1)));
        if (removed > 0) {
            LOG.info(() -> "Forgot " + removed + " old failed-login records");
        }
    }
}
