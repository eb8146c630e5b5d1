package io.vpbx.model.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceBansTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private final SourceBans bans =
            new SourceBans(new SourceBans.Policy(3, Duration.ofMinutes(1), Duration.ofMinutes(15)));

    @Test
    void theNthFailureWithinTheWindowBansForTheBanDuration() {
        assertThat(bans.recordFailure("10.0.0.1", T0)).isEmpty();
        assertThat(bans.recordFailure("10.0.0.1", T0.plusSeconds(10))).isEmpty();
        assertThat(bans.recordFailure("10.0.0.1", T0.plusSeconds(20)))
                .contains(T0.plusSeconds(20).plus(Duration.ofMinutes(15)));

        assertThat(bans.isBanned("10.0.0.1", T0.plusSeconds(21))).isTrue();
        assertThat(bans.isBanned("10.0.0.2", T0.plusSeconds(21))).isFalse();
        assertThat(bans.isBanned("10.0.0.1", T0.plusSeconds(20).plus(Duration.ofMinutes(15))))
                .isFalse();
        assertThat(bans.activeBans(T0.plusSeconds(30)))
                .containsExactly(
                        new SourceBans.Ban(
                                "10.0.0.1", T0.plusSeconds(20).plus(Duration.ofMinutes(15)), 3));
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverBan() {
        for (int i = 0; i < 10; i++) {
            assertThat(bans.recordFailure("10.0.0.1", T0.plusSeconds(45L * i))).isEmpty();
        }
        assertThat(bans.isBanned("10.0.0.1", T0.plusSeconds(500))).isFalse();
    }

    @Test
    void aLiftedBanIsGoneAndOldEntriesAreForgotten() {
        for (int i = 0; i < 3; i++) {
            bans.recordFailure("10.0.0.1", T0);
        }
        bans.recordFailure("10.0.0.9", T0);
        bans.lift("10.0.0.1");
        assertThat(bans.isBanned("10.0.0.1", T0)).isFalse();

        bans.forgetOld(T0.plus(Duration.ofMinutes(2)));
        assertThat(bans.activeBans(T0)).isEmpty();
    }

    @Test
    void anImpossiblePolicyIsRefused() {
        assertThatThrownBy(() -> new SourceBans.Policy(0, Duration.ofMinutes(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
