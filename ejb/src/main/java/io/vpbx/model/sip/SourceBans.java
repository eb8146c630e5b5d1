package io.vpbx.model.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force protection of SIP authentication: a source address that fails digest authentication
 * {@code maxFailures} times within {@code window} is banned for {@code ban}, and a banned source
 * gets no answer at all (a scanner learns nothing, not even that the server exists). A challenge
 * (401 without credentials) and a stale nonce are not failures; only wrong credentials are.
 *
 * <p>Thread-safe and bounded: at most {@link #MAX_TRACKED} sources are tracked; beyond that,
 * entries that are neither banned nor recent are dropped first.
 */
public final class SourceBans {
    public static final int MAX_TRACKED = 100_000;

    /** How strict the protection is. Defaults: 10 failures per minute ban for 15 minutes. */
    public record Policy(int maxFailures, Duration window, Duration ban) {
        public static final Policy DEFAULT =
                new Policy(10, Duration.ofMinutes(1), Duration.ofMinutes(15));

        public Policy {
            if (maxFailures < 1 || !positive(window) || !positive(ban)) {
                throw new IllegalArgumentException("invalid SIP ban policy");
            }
        }
    }

    /** A current ban, for the platform page and the log. */
    public record Ban(String address, Instant until, int failures) {}

    private static final class Entry {
        Instant windowStart;
        int failures;
        Instant bannedUntil;
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Policy policy;

    public SourceBans(Policy policy) {
        this.policy = policy;
    }

    public void changePolicy(Policy newPolicy) {
        this.policy = newPolicy;
    }

    public boolean isBanned(String address, Instant now) {
        Entry e = entries.get(address);
        if (e == null) {
            return false;
        }
        synchronized (e) {
            return e.bannedUntil != null && e.bannedUntil.isAfter(now);
        }
    }

    /** Counts a failure; returns the end of the ban if this failure started one. */
    public Optional<Instant> recordFailure(String address, Instant now) {
        if (entries.size() >= MAX_TRACKED && !entries.containsKey(address)) {
            forgetOld(now);
        }
        Entry e = entries.computeIfAbsent(address, a -> new Entry());
        Policy p = policy;
        synchronized (e) {
            if (e.bannedUntil != null && e.bannedUntil.isAfter(now)) {
                return Optional.empty();
            }
            if (e.windowStart == null || !e.windowStart.plus(p.window()).isAfter(now)) {
                e.windowStart = now;
                e.failures = 0;
                e.bannedUntil = null;
            }
            e.failures++;
            if (e.failures >= p.maxFailures()) {
                e.bannedUntil = now.plus(p.ban());
                return Optional.of(e.bannedUntil);
            }
            return Optional.empty();
        }
    }

    /** The bans in force, longest first. */
    public List<Ban> activeBans(Instant now) {
        List<Ban> bans = new ArrayList<>();
        entries.forEach(
                (address, e) -> {
                    synchronized (e) {
                        if (e.bannedUntil != null && e.bannedUntil.isAfter(now)) {
                            bans.add(new Ban(address, e.bannedUntil, e.failures));
                        }
                    }
                });
        bans.sort(Comparator.comparing(Ban::until).reversed());
        return bans;
    }

    /** Lifts a ban at once (an operator who knows the source is a customer's office). */
    public void lift(String address) {
        entries.remove(address);
    }

    /** Drops entries whose window and ban are over. */
    public void forgetOld(Instant now) {
        Policy p = policy;
        entries.entrySet()
                .removeIf(
                        en -> {
                            Entry e = en.getValue();
                            synchronized (e) {
                                boolean banned =
                                        e.bannedUntil != null && e.bannedUntil.isAfter(now);
                                boolean recent =
                                        e.windowStart != null
                                                && e.windowStart.plus(p.window()).isAfter(now);
                                return !banned && !recent;
                            }
                        });
    }

    private static boolean positive(java.time.Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
