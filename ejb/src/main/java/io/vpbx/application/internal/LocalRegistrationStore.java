package io.vpbx.application.internal;

import io.vpbx.application.sip.RegisterOutcome;
import io.vpbx.model.sip.Bindings;
import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.SipRegistration;
import io.vpbx.model.sip.SipRegistrationRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Contact bindings in this node's memory, the registrar's source of truth (ADR 0005): a REGISTER
 * costs a map lookup and a lock on its own number, never a database round trip. What changed is
 * written behind to {@code sip_registration} every second in one transaction, so a restart loses at
 * most the last second of registrations (phones re-register; Kamailio's usrloc does the same in its
 * write-back mode), and everything stored is loaded again when the node starts.
 *
 * <p>Single node by design: another node would not see these bindings. The HA profile replaces this
 * class with a {@link RegistrationStore} on a replicated cache (ARCHITECTURE, scaling out).
 */
@ApplicationScoped
public class LocalRegistrationStore implements RegistrationStore {
    private static final Logger LOG = Logger.getLogger(LocalRegistrationStore.class.getName());

    /** Numbers written per transaction; the rest waits for the next second. */
    static final int MAX_FLUSH = 20_000;

    static final Duration REFRESH_WRITE_INTERVAL = Duration.ofSeconds(30);

    /** The bindings of one SIP number; every access holds its monitor. */
    private static final class Slot {
        final long domainId;
        List<SipRegistration> bindings = List.of();
        boolean retired;

        Slot(long domainId) {
            this.domainId = domainId;
        }
    }

    @Inject private SipRegistrationRepository registrations;
    @Inject private Clock clock;

    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();

    /** Numbers whose bindings were added, removed or dropped: written within a second. */
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();

    /**
     * Numbers whose bindings were only refreshed (a phone re-registering, the bulk of a registrar's
     * traffic): written every {@link #REFRESH_WRITE_INTERVAL}. After a crash such a binding is
     * stored with an expiry at most that much too early, which the phone's next refresh (due long
     * before) repairs.
     */
    private final Set<Long> refreshed = ConcurrentHashMap.newKeySet();

    private volatile Instant lastRefreshWrite = Instant.MIN;
    private final AtomicBoolean flushing = new AtomicBoolean();

    public LocalRegistrationStore() {}

    /** Outside the container (unit tests). */
    LocalRegistrationStore(SipRegistrationRepository registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    @PostConstruct
    void load() {
        lastRefreshWrite = clock.instant();
        List<SipRegistration> stored = registrations.listActive(clock.instant());
        for (SipRegistration r : stored) {
            Slot slot = slots.computeIfAbsent(r.sipNumberId(), id -> new Slot(r.domainId()));
            List<SipRegistration> bindings = new ArrayList<>(slot.bindings);
            bindings.add(r);
            slot.bindings = bindings;
        }
        LOG.info(() -> "Loaded " + stored.size() + " SIP registrations");
    }

    @Override
    public RegisterOutcome register(
            long domainId, long sipNumberId, int deviceLimit, RegisterAttempt attempt) {
        while (true) {
            Slot slot = slots.computeIfAbsent(sipNumberId, id -> new Slot(domainId));
            synchronized (slot) {
                if (slot.retired) {
                    continue; // purged between the lookup and the lock: take the new slot
                }
                Bindings.Result result =
                        Bindings.apply(domainId, sipNumberId, deviceLimit, slot.bindings, attempt);
                if (result.outcome() != Bindings.Outcome.APPLIED) {
                    return new RegisterOutcome(result.outcome(), List.of(), deviceLimit);
                }
                slot.bindings = result.active();
                if (result.added().isEmpty() && result.removed().isEmpty()) {
                    refreshed.add(sipNumberId);
                } else {
                    dirty.add(sipNumberId);
                }
                return new RegisterOutcome(
                        Bindings.Outcome.APPLIED,
                        result.active().stream()
                                .map(
                                        r ->
                                                new RegisterOutcome.Binding(
                                                        r.contactUri(),
                                                        r.secondsLeft(attempt.now())))
                                .toList(),
                        deviceLimit);
            }
        }
    }

    @Override
    public void dropAll(long sipNumberId) {
        Slot slot = slots.get(sipNumberId);
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            if (!slot.bindings.isEmpty()) {
                slot.bindings = List.of();
                dirty.add(sipNumberId);
            }
        }
    }

    @Override
    public List<SipRegistration> active(long sipNumberId, Instant now) {
        Slot slot = slots.get(sipNumberId);
        return slot == null ? List.of() : activeCopies(slot, now);
    }

    @Override
    public List<SipRegistration> activeInDomain(long domainId, Instant now) {
        List<SipRegistration> found = new ArrayList<>();
        for (Slot slot : slots.values()) {
            if (slot.domainId == domainId) {
                found.addAll(activeCopies(slot, now));
            }
        }
        return found;
    }

    private static List<SipRegistration> activeCopies(Slot slot, Instant now) {
        synchronized (slot) {
            return slot.bindings.stream()
                    .filter(r -> !r.isExpired(now))
                    .map(SipRegistration::snapshot)
                    .toList();
        }
    }

    /**
     * Writes what changed since the last run, in the caller's transaction ({@link SipHousekeeping},
     * every second); one run at a time.
     */
    void writeBehind() {
        Instant now = clock.instant();
        if (!refreshed.isEmpty() && !now.isBefore(lastRefreshWrite.plus(REFRESH_WRITE_INTERVAL))) {
            lastRefreshWrite = now;
            moveRefreshedToDirty();
        }
        if (dirty.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        try {
            Map<Long, List<SipRegistration>> batch = new LinkedHashMap<>();
            Iterator<Long> ids = dirty.iterator();
            while (ids.hasNext() && batch.size() < MAX_FLUSH) {
                Long id = ids.next();
                ids.remove();
                Slot slot = slots.get(id);
                batch.put(id, slot == null ? List.of() : copies(slot));
            }
            try {
                registrations.replaceForNumbers(batch);
            } catch (RuntimeException e) {
                dirty.addAll(batch.keySet()); // written again next second
                LOG.log(Level.WARNING, "Cannot store SIP registrations; retrying", e);
                throw e;
            }
        } finally {
            flushing.set(false);
        }
    }

    private void moveRefreshedToDirty() {
        Iterator<Long> ids = refreshed.iterator();
        while (ids.hasNext()) {
            Long id = ids.next();
            ids.remove();
            dirty.add(id);
        }
    }

    private static List<SipRegistration> copies(Slot slot) {
        synchronized (slot) {
            return slot.bindings.stream().map(SipRegistration::snapshot).toList();
        }
    }

    /** Drops expired bindings, here and in the table ({@link SipHousekeeping}, every minute). */
    void purge() {
        Instant now = clock.instant();
        for (Map.Entry<Long, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            synchronized (slot) {
                if (slot.bindings.stream().anyMatch(r -> r.isExpired(now))) {
                    slot.bindings = slot.bindings.stream().filter(r -> !r.isExpired(now)).toList();
                }
                if (slot.bindings.isEmpty()
                        && !dirty.contains(entry.getKey())
                        && !refreshed.contains(entry.getKey())) {
                    slot.retired = true;
                    slots.remove(entry.getKey(), slot);
                }
            }
        }
        int removed = registrations.purgeExpired(now);
        if (removed > 0) {
            LOG.fine(() -> "Purged " + removed + " expired SIP registrations");
        }
    }

    /** Stores what is still unwritten when the node stops ({@link SipHousekeeping}). */
    void stop() {
        moveRefreshedToDirty();
        try {
            for (int round = 0; round < 10 && !dirty.isEmpty(); round++) {
                writeBehind();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SIP registrations of the last second were not stored", e);
        }
    }
}
