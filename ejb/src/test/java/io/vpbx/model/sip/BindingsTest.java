package io.vpbx.model.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.model.sip.Bindings.Outcome;
import io.vpbx.model.sip.RegisterAttempt.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingsTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final List<SipRegistration> stored = new ArrayList<>();

    private Bindings.Result register(String callId, long cseq, Instant now, Contact... contacts) {
        return apply(
                new RegisterAttempt(
                        callId,
                        cseq,
                        false,
                        List.of(contacts),
                        now,
                        "192.0.2.7",
                        5062,
                        "UDP",
                        "ua"));
    }

    private Bindings.Result apply(RegisterAttempt attempt) {
        Bindings.Result result = Bindings.apply(1, 10, 2, stored, attempt);
        if (result.outcome() == Outcome.APPLIED) {
            stored.removeAll(result.removed());
            stored.addAll(result.added());
        }
        return result;
    }

    private static Contact contact(String uri, Duration expires) {
        return new Contact(uri, expires);
    }

    @Test
    void aNewContactIsBoundWithTheSourceItCameFrom() {
        Bindings.Result r = register("c1", 1, T0, contact("sip:101@10.0.0.5:5060", HOUR));

        assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(r.added()).hasSize(1);
        SipRegistration b = r.active().get(0);
        assertThat(b.contactUri()).isEqualTo("sip:101@10.0.0.5:5060");
        assertThat(b.expiresAt()).isEqualTo(T0.plus(HOUR));
        assertThat(b.sourceAddress()).isEqualTo("192.0.2.7");
        assertThat(b.sourcePort()).isEqualTo(5062);
        assertThat(b.secondsLeft(T0.plusMillis(1500))).isEqualTo(3599);
    }

    @Test
    void aRefreshExtendsTheSameBindingAndAZeroExpiryRemovesIt() {
        register("c1", 1, T0, contact("sip:a@h", HOUR));
        Bindings.Result refreshed = register("c1", 2, T0.plusSeconds(60), contact("sip:a@h", HOUR));
        assertThat(refreshed.added()).isEmpty();
        assertThat(refreshed.active().get(0).expiresAt()).isEqualTo(T0.plusSeconds(60).plus(HOUR));

        Bindings.Result removed =
                register("c1", 3, T0.plusSeconds(90), contact("sip:a@h", Duration.ZERO));
        assertThat(removed.removed()).hasSize(1);
        assertThat(removed.active()).isEmpty();
    }

    @Test
    void aRequestOutOfOrderChangesNothing() {
        register("c1", 5, T0, contact("sip:a@h", HOUR));

        Bindings.Result late =
                register("c1", 5, T0.plusSeconds(1), contact("sip:a@h", Duration.ZERO));

        assertThat(late.outcome()).isEqualTo(Outcome.OUT_OF_ORDER);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).expiresAt()).isEqualTo(T0.plus(HOUR));
        assertThat(
                        register(
                                        "other-call",
                                        1,
                                        T0.plusSeconds(2),
                                        contact("sip:a@h", Duration.ZERO))
                                .outcome())
                .isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aDeviceBeyondTheLimitIsRefusedAndTheOthersStay() {
        register("c1", 1, T0, contact("sip:a@h", HOUR));
        register("c2", 1, T0, contact("sip:b@h", HOUR));

        Bindings.Result third = register("c3", 1, T0, contact("sip:c@h", HOUR));

        assertThat(third.outcome()).isEqualTo(Outcome.TOO_MANY_DEVICES);
        assertThat(stored)
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:a@h", "sip:b@h");
        assertThat(register("c1", 2, T0, contact("sip:a@h", HOUR)).outcome())
                .isEqualTo(Outcome.APPLIED);
    }

    @Test
    void anExpiredBindingFreesItsPlace() {
        register("c1", 1, T0, contact("sip:a@h", Duration.ofSeconds(60)));
        register("c2", 1, T0, contact("sip:b@h", HOUR));

        Bindings.Result third = register("c3", 1, T0.plusSeconds(61), contact("sip:c@h", HOUR));

        assertThat(third.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(third.removed())
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:a@h");
        assertThat(third.active())
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:b@h", "sip:c@h");
    }

    @Test
    void starRemovesEveryBinding() {
        register("c1", 1, T0, contact("sip:a@h", HOUR));
        register("c2", 1, T0, contact("sip:b@h", HOUR));

        Bindings.Result all =
                apply(
                        new RegisterAttempt(
                                "c9",
                                1,
                                true,
                                List.of(),
                                T0.plusSeconds(5),
                                "192.0.2.7",
                                5062,
                                "UDP",
                                null));

        assertThat(all.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(all.removed()).hasSize(2);
        assertThat(all.active()).isEmpty();
    }

    @Test
    void aQueryWithoutContactsListsTheBindings() {
        register("c1", 1, T0, contact("sip:a@h", HOUR));

        Bindings.Result query = register("c5", 1, T0.plusSeconds(1));

        assertThat(query.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(query.active())
                .extracting(SipRegistration::contactUri)
                .containsExactly("sip:a@h");
        assertThat(query.added()).isEmpty();
        assertThat(query.removed()).isEmpty();
    }
}
