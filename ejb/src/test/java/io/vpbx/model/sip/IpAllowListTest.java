package io.vpbx.model.sip;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAllowListTest {
    @Test
    void anEmptyListAllowsEveryone() {
        assertThat(IpAllowList.parse("  ").permits("203.0.113.9")).isTrue();
        assertThat(IpAllowList.parse(null).isEmpty()).isTrue();
    }

    @Test
    void addressesAndNetworksOfBothFamilies() {
        IpAllowList list =
                IpAllowList.parse("192.0.2.10, 198.51.100.0/24\n2001:db8::/32; 127.0.0.1");

        assertThat(list.permits("192.0.2.10")).isTrue();
        assertThat(list.permits("192.0.2.11")).isFalse();
        assertThat(list.permits("198.51.100.77")).isTrue();
        assertThat(list.permits("198.51.101.1")).isFalse();
        assertThat(list.permits("2001:db8:1::5")).isTrue();
        assertThat(list.permits("2001:db9::5")).isFalse();
        assertThat(list.permits("127.0.0.1")).isTrue();
        assertThat(list.permits("not-an-address")).isFalse();
        assertThat(list.toString())
                .isEqualTo("192.0.2.10, 198.51.100.0/24, 2001:db8::/32, 127.0.0.1");
    }

    @Test
    void aZeroPrefixAllowsTheWholeFamily() {
        assertThat(IpAllowList.parse("0.0.0.0/0").permits("8.8.8.8")).isTrue();
        assertThat(IpAllowList.parse("0.0.0.0/0").permits("2001:db8::1")).isFalse();
    }

    @Test
    void badEntriesAreRefusedByName() {
        assertViolation(
                () -> IpAllowList.parse("192.0.2.1, office.example.com"),
                "sipAllowList",
                "error.sipAllowList.invalid",
                "office.example.com");
        assertViolation(
                () -> IpAllowList.parse("192.0.2.0/33"),
                "sipAllowList",
                "error.sipAllowList.invalid",
                "192.0.2.0/33");
        assertViolation(
                () -> IpAllowList.parse("cafe"),
                "sipAllowList",
                "error.sipAllowList.invalid",
                "cafe");
        assertViolation(
                () -> IpAllowList.parse("300.1.1.1"),
                "sipAllowList",
                "error.sipAllowList.invalid",
                "300.1.1.1");
    }
}
