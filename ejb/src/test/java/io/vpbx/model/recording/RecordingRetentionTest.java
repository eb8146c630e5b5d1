package io.vpbx.model.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecordingRetentionTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant MADE = Instant.parse("2026-03-10T09:15:00Z");

    @Test
    void aMonthIsACalendarMonth() {
        assertThat(RecordingRetention.ONE_MONTH.expiresAt(MADE, MOSCOW))
                .isEqualTo(Instant.parse("2026-04-10T09:15:00Z"));
    }

    @Test
    void halfAYearIsSixMonths() {
        assertThat(RecordingRetention.HALF_YEAR.expiresAt(MADE, MOSCOW))
                .isEqualTo(Instant.parse("2026-09-10T09:15:00Z"));
    }

    @Test
    void aYearIsTwelveMonths() {
        assertThat(RecordingRetention.YEAR.expiresAt(MADE, MOSCOW))
                .isEqualTo(Instant.parse("2027-03-10T09:15:00Z"));
    }

    @Test
    void theThirtyFirstKeptAMonthExpiresOnTheLastDayOfTheNextMonth() {
        // 31 January 12:00 Moscow → 28 February 12:00 Moscow.
        assertThat(
                        RecordingRetention.ONE_MONTH.expiresAt(
                                Instant.parse("2026-01-31T09:00:00Z"), MOSCOW))
                .isEqualTo(Instant.parse("2026-02-28T09:00:00Z"));
    }

    @Test
    void shorteningTheRetentionMakesAnOldRecordingExpire() {
        CallRecordingFile r =
                new CallRecordingFile(
                        1,
                        "call-1",
                        "1/2026/03/call-1.wav",
                        1000,
                        Duration.ofSeconds(3),
                        MADE,
                        RecordingRetention.YEAR,
                        MOSCOW);
        Instant twoMonthsLater = Instant.parse("2026-05-10T00:00:00Z");
        assertThat(r.isExpired(twoMonthsLater)).isFalse();
        r.retainFor(RecordingRetention.ONE_MONTH, MOSCOW);
        assertThat(r.expiresAt()).isEqualTo(Instant.parse("2026-04-10T09:15:00Z"));
        assertThat(r.isExpired(twoMonthsLater)).isTrue();
    }
}
