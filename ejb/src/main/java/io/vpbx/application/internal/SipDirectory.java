package io.vpbx.application.internal;

import io.vpbx.application.sip.SipAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SIP accounts and lines of every domain that phones use, in memory: digest authentication of a
 * REGISTER or an INVITE and the routing of a call then cost map lookups, not queries and a
 * decryption. A domain's accounts are loaded together the first time one is asked for, and dropped
 * as soon as anything they are made of changes (a domain, a user or a SIP number saved through JPA:
 * {@code infrastructure.persistence.SipDirectoryInvalidation}), so a new password, a blocked user
 * or a blocked domain takes effect at the next request; so do a user's pickup group, absence period
 * and greeting, the domain's pickup code and its call groups with their members (a group or a
 * membership saved: {@code CallGroup}, {@code CallGroupMember}), which calls read from here without
 * a query. What changes outside JPA (an operator's SQL) takes effect within {@link #KNOWN_TTL}.
 *
 * <p>Single node: the listener only sees this node's changes. The HA profile adds a cluster-wide
 * invalidation (ADR 0005).
 */
@ApplicationScoped
public class SipDirectory {
    static final Duration KNOWN_TTL = Duration.ofMinutes(10);

    /** Names that are no domain are remembered briefly (a scanner tries many). */
    static final Duration UNKNOWN_TTL = Duration.ofSeconds(10);

    static final int MAX_ENTRIES = 100_000;

    private record Entry(SipAccountLoader.DomainAccounts accounts, Instant until) {}

    @Inject private SipAccountLoader loader;
    @Inject private Clock clock;

    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    /** The SIP domain of each loaded domain, for lookups by id (a call knows its domain's id). */
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    public Optional<SipAccount> account(String sipDomain, String login) {
        SipAccountLoader.DomainAccounts domain = domain(sipDomain);
        return domain == null || login == null
                ? Optional.empty()
                : Optional.ofNullable(domain.byLogin().get(login));
    }

    public boolean domainExists(String sipDomain) {
        return domain(sipDomain) != null;
    }

    /** The line of a SIP number of the domain; empty if there is none. */
    public Optional<SipAccountLoader.Line> line(long domainId, long sipNumberId) {
        return domain(domainId).map(d -> d.linesById().get(sipNumberId));
    }

    /** The line a dialled extension, or else SIP login, names in the domain; empty if none. */
    public Optional<SipAccountLoader.Line> dialled(long domainId, String digits) {
        return domain(domainId)
                .map(
                        d -> {
                            SipAccountLoader.Line line = d.linesByExtension().get(digits);
                            return line != null ? line : d.linesByLogin().get(digits);
                        });
    }

    /** The call group whose extension the digits are; empty if none. */
    public Optional<SipAccountLoader.Group> group(long domainId, String digits) {
        return domain(domainId).map(d -> d.groupsByExtension().get(digits));
    }

    /** The line of the user's SIP number; empty if the user has none (or is of another domain). */
    public Optional<SipAccountLoader.Line> lineOfUser(long domainId, long userId) {
        return domain(domainId).map(d -> d.linesByUser().get(userId));
    }

    /** The domain's pickup code; empty if the domain does not exist. */
    public Optional<String> pickupCode(long domainId) {
        return domain(domainId).map(SipAccountLoader.DomainAccounts::pickupCode);
    }

    private Optional<SipAccountLoader.DomainAccounts> domain(long domainId) {
        String name = names.get(domainId);
        if (name == null) {
            Optional<String> found = loader.sipDomainOf(domainId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            name = found.get();
        }
        SipAccountLoader.DomainAccounts accounts = domain(name);
        return accounts != null && accounts.domainId() == domainId
                ? Optional.of(accounts)
                : Optional.empty();
    }

    private SipAccountLoader.DomainAccounts domain(String sipDomain) {
        String key = sipDomain.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Entry entry = byName.get(key);
        if (entry == null || !entry.until().isAfter(now)) {
            if (entry == null && byName.size() >= MAX_ENTRIES) {
                byName.values().removeIf(e -> e.accounts() == null);
            }
            entry =
                    byName.compute(
                            key,
                            (name, old) ->
                                    old != null && old.until().isAfter(now)
                                            ? old
                                            : load(name, now));
        }
        return entry.accounts();
    }

    private Entry load(String sipDomain, Instant now) {
        return loader.load(sipDomain)
                .map(
                        accounts -> {
                            names.put(accounts.domainId(), sipDomain);
                            return new Entry(accounts, now.plus(KNOWN_TTL));
                        })
                .orElseGet(() -> new Entry(null, now.plus(UNKNOWN_TTL)));
    }

    /**
     * Something the domain's accounts are made of was saved and committed: they are dropped, and
     * with them every name remembered as unknown (the change may be a new or renamed domain).
     */
    public void changed(long domainId) {
        names.remove(domainId);
        byName.values().removeIf(e -> e.accounts() == null || e.accounts().domainId() == domainId);
    }
}
