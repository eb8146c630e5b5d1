package io.vpbx.application.internal;

import io.vpbx.application.sip.SipAccount;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SIP accounts of every domain that phones use, in memory: digest authentication of a REGISTER
 * or an INVITE then costs a map lookup, not three queries and a decryption. A domain's accounts are
 * loaded together the first time one is asked for, and dropped as soon as anything they are made of
 * changes ({@link SipDirectoryListener}: a domain, a user or a SIP number saved through JPA), so a
 * new password, a blocked user or a blocked domain takes effect at the next request. What changes
 * outside JPA (an operator's SQL) takes effect within {@link #KNOWN_TTL}.
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

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    public Optional<SipAccount> account(String sipDomain, String login) {
        SipAccountLoader.DomainAccounts domain = domain(sipDomain);
        return domain == null || login == null
                ? Optional.empty()
                : Optional.ofNullable(domain.byLogin().get(login));
    }

    public boolean domainExists(String sipDomain) {
        return domain(sipDomain) != null;
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
                .map(accounts -> new Entry(accounts, now.plus(KNOWN_TTL)))
                .orElseGet(() -> new Entry(null, now.plus(UNKNOWN_TTL)));
    }

    /**
     * Something of the domain changed in the current transaction: its accounts are dropped now and
     * again when the transaction ends, so that a lookup made before the commit cannot keep the old
     * state. Names remembered as unknown are dropped too (the change may be a new or renamed
     * domain).
     */
    void changed(long domainId) {
        forget(domainId);
        try {
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                transactions.registerInterposedSynchronization(
                        new Synchronization() {
                            @Override
                            public void beforeCompletion() {}

                            @Override
                            public void afterCompletion(int status) {
                                forget(domainId);
                            }
                        });
            }
        } catch (IllegalStateException tooLate) {
            // Committing already: what is forgotten now is loaded after the commit.
        }
    }

    private void forget(long domainId) {
        byName.values().removeIf(e -> e.accounts() == null || e.accounts().domainId() == domainId);
    }
}
