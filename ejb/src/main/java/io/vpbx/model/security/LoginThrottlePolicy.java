package io.vpbx.model.security;

import java.time.Duration;

/**
 * How many wrong passwords an account may take from one source address before it is locked there,
 * and for how long. Defaults: 5 failures within 15 minutes lock the account for that address for 15
 * minutes.
 *
 * @param maxFailures failures that trigger the lock
 * @param window how long failures are remembered
 * @param lockDuration how long the lock lasts
 */
public record LoginThrottlePolicy(int maxFailures, Duration window, Duration lockDuration) {
    public static final LoginThrottlePolicy DEFAULT =
            new LoginThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    public LoginThrottlePolicy {
        if (maxFailures < 1
                || window.isNegative()
                || window.isZero()
                || lockDuration.isNegative()) {
            throw new IllegalArgumentException("invalid login throttle policy");
        }
    }
}
