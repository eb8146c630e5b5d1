package io.vpbx.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiveStatisticsTest {
    @Test
    void aPerfectStreamHasNoLossAndNoJitter() {
        ReceiveStatistics s = new ReceiveStatistics();
        for (int i = 0; i < 100; i++) {
            s.packet(7, 65500 + i & 0xFFFF, 1000 + 160 * i, 5000 + 160L * i);
        }

        assertThat(s.received()).isEqualTo(100);
        assertThat(s.expected()).isEqualTo(100);
        assertThat(s.lost()).isZero();
        assertThat(s.extendedHighest()).as("one wrap of the sequence").isEqualTo(65536 + 63);
        assertThat(s.jitter()).isZero();
        assertThat(s.fractionLostSinceLastReport()).isZero();
    }

    @Test
    void lostPacketsAreCountedAndTheFractionIsPerInterval() {
        ReceiveStatistics s = new ReceiveStatistics();
        for (int i = 0; i <= 100; i++) {
            if (i % 4 != 3) {
                s.packet(7, i, 160 * i, 160L * i);
            }
        }

        assertThat(s.expected()).isEqualTo(101);
        assertThat(s.lost()).isEqualTo(25);
        assertThat(s.fractionLostSinceLastReport()).isEqualTo(25 * 256 / 101);
        assertThat(s.fractionLostSinceLastReport()).as("nothing new since").isZero();
    }

    @Test
    void arrivalsTenMillisecondsOffAlternatelyGiveJitterNearEighty() {
        ReceiveStatistics s = new ReceiveStatistics();
        for (int i = 0; i < 1000; i++) {
            long late = i % 2 == 0 ? 0 : 80; // 10 ms in 8 kHz units
            s.packet(7, i, 160 * i, 160L * i + late);
        }

        // RFC 3550 A.8: J converges to the mean |D| = 80 units.
        assertThat(s.jitter()).isBetween(75L, 80L);
    }

    @Test
    void aNewSsrcRestartsTheStatistics() {
        ReceiveStatistics s = new ReceiveStatistics();
        s.packet(1, 10, 0, 0);
        s.packet(1, 20, 1600, 1600);
        s.packet(2, 500, 0, 3200);

        assertThat(s.ssrc()).isEqualTo(2);
        assertThat(s.received()).isEqualTo(1);
        assertThat(s.lost()).isZero();
    }
}
