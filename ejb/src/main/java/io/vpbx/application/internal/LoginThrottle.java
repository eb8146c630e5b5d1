package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.model.security.LoginFailure;
import io.vpbx.model.security.LoginFailureRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The lock-out of password guessing, per account key and source address (see {@link LoginFailure}).
 * Every method runs in its own transaction, so a failure is counted even when the use case that saw
 * it then fails and rolls back (a wrong current password, for instance).
 */
@Stateless
@LocalBean
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginThrottle {
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    private static final int MAX_KEY = 300;

    @Inject private LoginFailureRepository failures;
    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    /** When the account is locked for this address, until when; empty when it may try. */
    public Optional<Instant> lockedUntil(String accountKey, String address) {
        Instant now = clock.instant();
        return failures.find(key(accountKey), address)
                .filter(f -> f.isLocked(now))
                .map(LoginFailure::lockedUntil);
    }

    /** Counts a failure; returns the end of the lock if this failure locked the account. */
    public Optional<Instant> recordFailure(String accountKey, String address) {
        Instant now = clock.instant();
        String key = key(accountKey);
        LoginFailure failure =
                failures.find(key, address)
                        .orElseGet(() -> failures.add(new LoginFailure(key, address, now)));
        if (failure.recordFailure(now, settings.loginThrottlePolicy())) {
            LOG.warning(() -> "Account locked after repeated wrong passwords from " + address);
            return Optional.of(failure.lockedUntil());
        }
        return Optional.empty();
    }

    /** Forgets the failures after a success. */
    public void forget(String accountKey, String address) {
        failures.forget(key(accountKey), address);
    }

    private static String key(String accountKey) {
        return accountKey.length() > MAX_KEY ? accountKey.substring(0, MAX_KEY) : accountKey;
    }
}
