package io.vpbx.model.sip;

import java.time.Duration;

/**
 * The expiry bounds of the registrar (RFC 3261 §10.3 steps 7–8). A request below the minimum is
 * refused with 423 and {@code Min-Expires}; one above the maximum is granted the maximum; one
 * without any expiry gets the default.
 */
public record RegistrarPolicy(Duration minExpires, Duration maxExpires, Duration defaultExpires) {
    public static final RegistrarPolicy DEFAULT =
            new RegistrarPolicy(
                    Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(3600));

    public RegistrarPolicy {
        if (!positive(minExpires)
                || maxExpires.compareTo(minExpires) < 0
                || defaultExpires.compareTo(minExpires) < 0
                || defaultExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("invalid registrar expiry bounds");
        }
    }

    /** Whether the requested expiry (seconds, non-zero) is too brief: the answer is 423. */
    public boolean isTooBrief(long requestedSeconds) {
        return requestedSeconds > 0 && requestedSeconds < minExpires.toSeconds();
    }

    /** The expiry granted for a request: zero stays zero (removal), the rest is capped. */
    public Duration grant(Long requestedSeconds) {
        if (requestedSeconds == null) {
            return defaultExpires;
        }
        if (requestedSeconds <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.min(requestedSeconds, maxExpires.toSeconds()));
    }

    private static boolean positive(java.time.Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
