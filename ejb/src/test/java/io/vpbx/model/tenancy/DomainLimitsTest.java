package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainLimitsTest {

    @Test
    void keepsBothLimits() {
        DomainLimits limits = new DomainLimits(50, 10);

        assertThat(limits.maxUsers()).isEqualTo(50);
        assertThat(limits.maxChannels()).isEqualTo(10);
    }

    @Test
    void rangeEndsAreAllowed() {
        assertThat(new DomainLimits(1, 1).maxUsers()).isEqualTo(1);
        DomainLimits largest = new DomainLimits(100_000, 10_000);
        assertThat(largest.maxUsers()).isEqualTo(DomainLimits.MAX_USERS);
        assertThat(largest.maxChannels()).isEqualTo(DomainLimits.MAX_CHANNELS);
    }

    @Test
    void usersOutsideOneToOneHundredThousandAreRefused() {
        assertViolation(() -> new DomainLimits(0, 10), "maxUsers", "error.limit.range", 1, 100_000);
        assertViolation(
                () -> new DomainLimits(-5, 10), "maxUsers", "error.limit.range", 1, 100_000);
        assertViolation(
                () -> new DomainLimits(100_001, 10), "maxUsers", "error.limit.range", 1, 100_000);
    }

    @Test
    void channelsOutsideOneToTenThousandAreRefused() {
        assertViolation(
                () -> new DomainLimits(50, 0), "maxChannels", "error.limit.range", 1, 10_000);
        assertViolation(
                () -> new DomainLimits(50, 10_001), "maxChannels", "error.limit.range", 1, 10_000);
    }

    @Test
    void usersAreCheckedBeforeChannels() {
        assertViolation(() -> new DomainLimits(0, 0), "maxUsers", "error.limit.range", 1, 100_000);
    }
}
