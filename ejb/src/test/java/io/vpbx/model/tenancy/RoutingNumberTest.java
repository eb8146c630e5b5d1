package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingNumberTest {

    @Test
    void routingNumberKeepsLeadingZeros() {
        assertThat(new RoutingNumber("00799").value()).isEqualTo("00799");
        assertThat(new RoutingNumber("00799")).isNotEqualTo(new RoutingNumber("799"));
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertThat(new RoutingNumber(" 42 ").value()).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "12345678", "00000000"})
    void oneToEightDigitsPass(String value) {
        assertThat(new RoutingNumber(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "123456789", "12a", "-1", "+7", "1 2", "12.5", "١٢٣"})
    void anythingButOneToEightDigitsIsRefused(String value) {
        assertViolation(
                () -> new RoutingNumber(value), "routingNumber", "error.routingNumber.digits");
    }

    @Test
    void requireLengthReturnsTheNumberWhenItHasThePoolLength() {
        RoutingNumber number = new RoutingNumber("00799");

        assertThat(number.requireLength(5)).isSameAs(number);
    }

    @Test
    void requireLengthRefusesAnotherLengthWithThePoolLengthAsArgument() {
        assertViolation(
                () -> new RoutingNumber("00799").requireLength(4),
                "routingNumber",
                "error.routingNumber.length",
                4);
        assertViolation(
                () -> new RoutingNumber("799").requireLength(5),
                "routingNumber",
                "error.routingNumber.length",
                5);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void optionalTreatsNullAndBlankAsNone(String value) {
        assertThat(RoutingNumber.optional(value)).isNull();
    }

    @Test
    void optionalParsesAGivenNumber() {
        assertThat(RoutingNumber.optional("007")).isEqualTo(new RoutingNumber("007"));
        assertViolation(
                () -> RoutingNumber.optional("x7"), "routingNumber", "error.routingNumber.digits");
    }

    @Test
    void toStringIsTheDigits() {
        assertThat(new RoutingNumber("007")).hasToString("007");
    }
}
