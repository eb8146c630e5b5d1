package io.vpbx.sip.registrar;

import io.vpbx.application.sip.RegisterOutcome;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.application.sip.SipRegistrar;
import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.RegistrarPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot path of the registrar: accounts (with their HA1s), known domains and the expiry policy
 * are kept in memory for a short time, so that a REGISTER costs one call into the core (the binding
 * itself, which is stored) instead of several lookups and a decryption. A change made in a console
 * (a new password, a disabled number, a blocked domain, a new user) reaches SIP within {@code ttl}.
 * Bounded: beyond {@link #MAX_ENTRIES} entries the cache starts afresh.
 */
public final class CachingSipRegistrar implements SipRegistrar {
    static final int MAX_ENTRIES = 200_000;

    private record Cached<T>(T value, Instant until) {}

    private final SipRegistrar core;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached<Optional<SipAccount>>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Cached<Boolean>> domains = new ConcurrentHashMap<>();
    private volatile Cached<RegistrarPolicy> policy;

    public CachingSipRegistrar(SipRegistrar core, Clock clock, Duration ttl) {
        this.core = core;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Optional<SipAccount> account(String sipDomain, String login) {
        String key = sipDomain.toLowerCase(Locale.ROOT) + "\u0000" + login;
        Instant now = clock.instant();
        Cached<Optional<SipAccount>> hit = accounts.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.value();
        }
        Optional<SipAccount> fresh = core.account(sipDomain, login);
        remember(accounts, key, new Cached<>(fresh, now.plus(ttl)));
        return fresh;
    }

    @Override
    public boolean domainExists(String sipDomain) {
        String key = sipDomain.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Cached<Boolean> hit = domains.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.value();
        }
        boolean fresh = core.domainExists(sipDomain);
        remember(domains, key, new Cached<>(fresh, now.plus(ttl)));
        return fresh;
    }

    @Override
    public RegistrarPolicy policy() {
        Instant now = clock.instant();
        Cached<RegistrarPolicy> hit = policy;
        if (hit != null && hit.until().isAfter(now)) {
            return hit.value();
        }
        RegistrarPolicy fresh = core.policy();
        policy = new Cached<>(fresh, now.plus(ttl));
        return fresh;
    }

    @Override
    public RegisterOutcome register(long domainId, long sipNumberId, RegisterAttempt attempt) {
        return core.register(domainId, sipNumberId, attempt);
    }

    @Override
    public boolean isBanned(String sourceAddress) {
        return core.isBanned(sourceAddress);
    }

    @Override
    public void authenticationFailed(String sourceAddress, String sipDomain, String login) {
        core.authenticationFailed(sourceAddress, sipDomain, login);
    }

    private static <T> void remember(Map<String, T> cache, String key, T value) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, value);
    }
}
