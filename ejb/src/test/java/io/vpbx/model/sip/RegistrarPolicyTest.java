package io.vpbx.model.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrarPolicyTest {
    private final RegistrarPolicy policy = RegistrarPolicy.DEFAULT;

    @Test
    void belowTheMinimumIsTooBriefButZeroIsARemoval() {
        assertThat(policy.isTooBrief(59)).isTrue();
        assertThat(policy.isTooBrief(60)).isFalse();
        assertThat(policy.isTooBrief(0)).isFalse();
        assertThat(policy.grant(0L)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aboveTheMaximumIsCappedAndNothingMeansTheDefault() {
        assertThat(policy.grant(7200L)).isEqualTo(Duration.ofSeconds(3600));
        assertThat(policy.grant(120L)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.grant(null)).isEqualTo(Duration.ofSeconds(3600));
    }

    @Test
    void inconsistentBoundsAreRefused() {
        assertThatThrownBy(
                        () ->
                                new RegistrarPolicy(
                                        Duration.ofSeconds(600),
                                        Duration.ofSeconds(60),
                                        Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
