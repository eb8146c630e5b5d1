package io.vpbx.model.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallRecordTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final CallRecord.Party IVAN = new CallRecord.Party(1L, "101", "Иван");
    private static final CallRecord.Party MARIA = new CallRecord.Party(2L, "102", "Мария");

    @Test
    void anAnsweredCallHasRingAndTalkTime() {
        CallRecord r =
                new CallRecord(
                        7,
                        "a@x",
                        "b@x",
                        IVAN,
                        MARIA,
                        "102",
                        T0,
                        T0.plusMillis(4_400),
                        T0.plusSeconds(65),
                        CallResult.ANSWERED,
                        200,
                        CallEndReason.MEDIA_TIMEOUT);

        assertThat(r.result()).isEqualTo(CallResult.ANSWERED);
        assertThat(r.endReason()).isEqualTo(CallEndReason.MEDIA_TIMEOUT);
        assertThat(r.ringSeconds()).isEqualTo(4);
        assertThat(r.talkSeconds()).isEqualTo(61);
        assertThat(r.direction()).isEqualTo(CallDirection.INTERNAL);
    }

    @Test
    void theUsualResultOfAStatus() {
        assertThat(CallResult.ofStatus(200)).isEqualTo(CallResult.ANSWERED);
        assertThat(CallResult.ofStatus(486)).isEqualTo(CallResult.BUSY);
        assertThat(CallResult.ofStatus(487)).isEqualTo(CallResult.CANCELLED);
        assertThat(CallResult.ofStatus(408)).isEqualTo(CallResult.NO_ANSWER);
        assertThat(CallResult.ofStatus(404)).isEqualTo(CallResult.FAILED);
        assertThat(CallResult.ofStatus(480)).isEqualTo(CallResult.FAILED);
    }

    @Test
    void anUnansweredCallRangAndNeverTalked() {
        CallRecord r =
                new CallRecord(
                        7,
                        "a@x",
                        null,
                        IVAN,
                        null,
                        "555",
                        T0,
                        null,
                        T0.plusSeconds(3),
                        CallResult.NO_ANSWER,
                        480,
                        CallEndReason.CALLER_HUNG_UP);

        assertThat(r.result()).isEqualTo(CallResult.NO_ANSWER);
        assertThat(r.endReason()).as("only answered calls have an end reason").isNull();
        assertThat(r.sipStatus()).isEqualTo(480);
        assertThat(r.talkSeconds()).isZero();
        assertThat(r.ringSeconds()).isEqualTo(3);
        assertThat(r.callee()).isNull();
    }
}
