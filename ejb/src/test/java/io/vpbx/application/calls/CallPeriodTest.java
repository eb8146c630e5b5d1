package io.vpbx.application.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallPeriodTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    /** 01:30 in Moscow on 1 May, still 30 April in UTC. */
    private static final Instant NOW = Instant.parse("2026-04-30T22:30:00Z");

    @Test
    void daysStartAtMidnightInTheDisplayZone() {
        assertThat(CallPeriod.TODAY.from(NOW, MOSCOW))
                .isEqualTo(Instant.parse("2026-04-30T21:00:00Z"));
        assertThat(CallPeriod.TODAY.to(NOW, MOSCOW))
                .isEqualTo(Instant.parse("2026-05-01T21:00:00Z"));
        assertThat(CallPeriod.YESTERDAY.from(NOW, MOSCOW))
                .isEqualTo(Instant.parse("2026-04-29T21:00:00Z"));
        assertThat(CallPeriod.YESTERDAY.to(NOW, MOSCOW))
                .isEqualTo(Instant.parse("2026-04-30T21:00:00Z"));
        assertThat(CallPeriod.LAST_7_DAYS.from(NOW, MOSCOW))
                .isEqualTo(Instant.parse("2026-04-24T21:00:00Z"));
        assertThat(CallPeriod.LAST_30_DAYS.from(NOW, MOSCOW))
                .isEqualTo(Instant.parse("2026-04-01T21:00:00Z"));
    }
}
