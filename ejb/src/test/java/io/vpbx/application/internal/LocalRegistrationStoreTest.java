package io.vpbx.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.sip.RegisterOutcome;
import io.vpbx.model.sip.Bindings;
import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.SipRegistration;
import io.vpbx.model.sip.SipRegistrationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRegistrationStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    /** The table, as the write-behind leaves it. */
    private static final class Table implements SipRegistrationRepository {
        final Map<Long, List<SipRegistration>> rows = new HashMap<>();
        final List<Map<Long, List<SipRegistration>>> writes = new ArrayList<>();
        boolean down;
        int purged;

        @Override
        public List<SipRegistration> listActive(Instant now) {
            return rows.values().stream()
                    .flatMap(List::stream)
                    .filter(r -> !r.isExpired(now))
                    .toList();
        }

        @Override
        public void replaceForNumbers(Map<Long, List<SipRegistration>> bindingsByNumber) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            writes.add(bindingsByNumber);
            rows.putAll(bindingsByNumber);
        }

        @Override
        public int purgeExpired(Instant before) {
            purged++;
            return 0;
        }
    }

    private final Table table = new Table();
    private Instant now = NOW;
    private final Clock clock =
            new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };

    private LocalRegistrationStore store() {
        LocalRegistrationStore store = new LocalRegistrationStore(table, clock);
        store.load();
        return store;
    }

    private static RegisterAttempt register(String contact, long cseq, int seconds) {
        return new RegisterAttempt(
                "call-" + contact,
                cseq,
                false,
                List.of(new RegisterAttempt.Contact(contact, Duration.ofSeconds(seconds))),
                NOW,
                "127.0.0.1",
                5062,
                "UDP",
                "phone");
    }

    @Test
    void aRegisterIsHeldAtOnceAndWrittenBehindInOneBatch() {
        LocalRegistrationStore store = store();

        RegisterOutcome a = store.register(1, 10, 4, register("sip:a@10.0.0.1", 1, 300));
        store.register(1, 11, 4, register("sip:b@10.0.0.2", 1, 300));

        assertThat(a.outcome()).isEqualTo(Bindings.Outcome.APPLIED);
        assertThat(a.bindings())
                .containsExactly(new RegisterOutcome.Binding("sip:a@10.0.0.1", 300));
        assertThat(store.active(10, NOW))
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:a@10.0.0.1");
        assertThat(table.rows).isEmpty();

        store.writeBehind();

        assertThat(table.writes).hasSize(1);
        assertThat(table.rows.get(10L))
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:a@10.0.0.1");
        assertThat(table.rows.get(11L))
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:b@10.0.0.2");

        store.writeBehind();
        assertThat(table.writes).as("nothing changed, nothing written").hasSize(1);
    }

    @Test
    void aMereRefreshIsWrittenWithinThirtySecondsNotAtOnce() {
        LocalRegistrationStore store = store();
        store.register(1, 10, 4, register("sip:a@10.0.0.1", 1, 300));
        store.writeBehind();

        now = NOW.plusSeconds(10);
        store.register(1, 10, 4, register("sip:a@10.0.0.1", 2, 300));
        store.writeBehind();
        assertThat(table.writes).hasSize(1);
        assertThat(table.rows.get(10L).get(0).cseq()).isEqualTo(1);

        now = NOW.plusSeconds(31);
        store.writeBehind();
        assertThat(table.writes).hasSize(2);
        assertThat(table.rows.get(10L).get(0).cseq()).isEqualTo(2);
    }

    @Test
    void anUnregisterIsWrittenAsNoBindings() {
        LocalRegistrationStore store = store();
        store.register(1, 10, 4, register("sip:a@10.0.0.1", 1, 300));
        store.writeBehind();

        store.register(1, 10, 4, register("sip:a@10.0.0.1", 2, 0));
        store.writeBehind();

        assertThat(store.active(10, NOW)).isEmpty();
        assertThat(table.rows.get(10L)).isEmpty();
    }

    @Test
    void droppingANumbersBindingsEmptiesItAtOnceAndInTheTableLeavingOthers() {
        LocalRegistrationStore store = store();
        store.register(1, 10, 4, register("sip:a@10.0.0.1", 1, 300));
        store.register(1, 10, 4, register("sip:a2@10.0.0.3", 1, 300));
        store.register(1, 11, 4, register("sip:b@10.0.0.2", 1, 300));
        store.writeBehind();

        store.dropAll(10);
        store.dropAll(99); // a number with no bindings: nothing to do

        assertThat(store.active(10, NOW)).isEmpty();
        assertThat(store.activeInDomain(1, NOW))
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:b@10.0.0.2");
        store.writeBehind();
        assertThat(table.writes).hasSize(2);
        assertThat(table.writes.get(1)).containsOnlyKeys(10L);
        assertThat(table.rows.get(10L)).isEmpty();
    }

    @Test
    void whatCouldNotBeWrittenIsWrittenNextTime() {
        LocalRegistrationStore store = store();
        store.register(1, 10, 4, register("sip:a@10.0.0.1", 1, 300));
        table.down = true;

        assertThatThrownBy(store::writeBehind).hasMessageContaining("database down");

        table.down = false;
        store.writeBehind();
        assertThat(table.rows.get(10L)).hasSize(1);
    }

    @Test
    void theDeviceLimitAndTheOrderOfRequestsAreKept() {
        LocalRegistrationStore store = store();
        store.register(1, 10, 1, register("sip:a@10.0.0.1", 5, 300));

        assertThat(store.register(1, 10, 1, register("sip:b@10.0.0.2", 1, 300)).outcome())
                .isEqualTo(Bindings.Outcome.TOO_MANY_DEVICES);
        assertThat(store.register(1, 10, 1, register("sip:a@10.0.0.1", 4, 300)).outcome())
                .isEqualTo(Bindings.Outcome.OUT_OF_ORDER);
        assertThat(store.active(10, NOW)).hasSize(1);
    }

    @Test
    void aRestartedNodeLoadsWhatWasStoredAndTheDomainPageSeesOnlyItsDomain() {
        LocalRegistrationStore first = store();
        first.register(1, 10, 4, register("sip:a@10.0.0.1", 1, 300));
        first.register(2, 20, 4, register("sip:b@10.0.0.2", 1, 300));
        first.stop();

        LocalRegistrationStore second = store();

        assertThat(second.active(10, NOW))
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:a@10.0.0.1");
        assertThat(second.activeInDomain(2, NOW))
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:b@10.0.0.2");
    }

    @Test
    void expiredBindingsArePurgedHereAndInTheTable() {
        LocalRegistrationStore store = store();
        store.register(1, 10, 4, register("sip:a@10.0.0.1", 1, 60));
        store.writeBehind();
        now = NOW.plusSeconds(61);

        store.purge();

        assertThat(store.active(10, NOW)).isEmpty();
        assertThat(store.activeInDomain(1, NOW)).isEmpty();
        assertThat(table.purged).isEqualTo(1);
    }
}
