package io.vpbx.model.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Recent failed logins of one console account from one source address, and the lock they caused.
 * Keyed by account <em>and</em> address, so that a stranger guessing passwords locks the account
 * only for themselves, never for its owner at the office. A successful login forgets the record.
 *
 * <p>The window slides: the times of the last failures are kept, so "5 failures within 15 minutes"
 * holds for any 15 minutes, not only for windows that happen to start at the first failure.
 */
@Entity
@Table(name = "login_failure")
public class LoginFailure {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_key", nullable = false, updatable = false, length = 400)
    private String accountKey;

    @Column(name = "source_ip", nullable = false, updatable = false, length = 45)
    private String sourceIp;

    /** Epoch milliseconds of the failures inside the window, oldest first, comma-separated. */
    @Column(name = "failure_times", nullable = false, length = 1000)
    private String failureTimes = "";

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected LoginFailure() {}

    public LoginFailure(String accountKey, String sourceIp, Instant now) {
        this.accountKey = accountKey;
        this.sourceIp = sourceIp;
        this.lastFailureAt = now;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts one more failure; returns {@code true} if this failure locked the account. */
    public boolean recordFailure(Instant now, LoginThrottlePolicy policy) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            lockedUntil = null;
            failureTimes = "";
        }
        long cutoff = now.minus(policy.window()).toEpochMilli();
        List<Long> recent = new ArrayList<>();
        for (long time : times()) {
            if (time > cutoff) {
                recent.add(time);
            }
        }
        recent.add(now.toEpochMilli());
        lastFailureAt = now;
        if (recent.size() >= policy.maxFailures()) {
            lockedUntil = now.plus(policy.lockDuration());
            failureTimes = "";
            return true;
        }
        failureTimes = recent.stream().map(String::valueOf).collect(Collectors.joining(","));
        return false;
    }

    private List<Long> times() {
        List<Long> times = new ArrayList<>();
        if (!failureTimes.isEmpty()) {
            for (String time : failureTimes.split(",")) {
                times.add(Long.parseLong(time));
            }
        }
        return times;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** The failures counted towards the next lock. */
    public int failures() {
        return times().size();
    }
}
