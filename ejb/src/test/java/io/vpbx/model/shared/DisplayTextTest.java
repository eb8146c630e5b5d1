package io.vpbx.model.shared;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayTextTest {

    @Test
    void requireReturnsTheTrimmedText() {
        assertThat(DisplayText.require("displayName", "  Acme Ltd \t\n", 128))
                .isEqualTo("Acme Ltd");
    }

    @Test
    void requireKeepsCyrillicQuotesAndPunctuation() {
        assertThat(DisplayText.require("companyName", "ООО «Ромашка» & Co. (№1)", 128))
                .isEqualTo("ООО «Ромашка» & Co. (№1)");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void requireRefusesMissingTextOnTheGivenField(String value) {
        assertViolation(
                () -> DisplayText.require("companyName", value, 10),
                "companyName",
                "error.field.required");
    }

    @Test
    void textOfExactlyMaxLengthPasses() {
        assertThat(DisplayText.require("name", "x".repeat(10), 10)).isEqualTo("x".repeat(10));
    }

    @Test
    void textLongerThanMaxLengthIsTooLongWithTheLimitAsArgument() {
        assertViolation(
                () -> DisplayText.require("name", "x".repeat(11), 10),
                "name",
                "error.field.tooLong",
                10);
    }

    @Test
    void maxLengthIsMeasuredAfterTrimming() {
        assertThat(DisplayText.require("name", "   " + "y".repeat(10) + "   ", 10))
                .isEqualTo("y".repeat(10));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Acme\u0000Ltd",
                "Acme\nLtd",
                "Acme\r\nLtd",
                "Acme\tLtd",
                "Acme\u001bLtd",
                "Acme\u007fLtd",
                "Acme\u0085Ltd"
            })
    void controlCharactersInsideTheTextAreInvalid(String value) {
        assertViolation(
                () -> DisplayText.require("displayName", value, 128),
                "displayName",
                "error.field.invalidCharacters");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void optionalReturnsNullForMissingText(String value) {
        assertThat(DisplayText.optional("name", value, 10)).isNull();
    }

    @Test
    void optionalTrimsGivenText() {
        assertThat(DisplayText.optional("name", " Sales ", 10)).isEqualTo("Sales");
    }

    @Test
    void optionalStillEnforcesLengthAndCharacters() {
        assertViolation(
                () -> DisplayText.optional("name", "x".repeat(11), 10),
                "name",
                "error.field.tooLong",
                10);
        assertViolation(
                () -> DisplayText.optional("name", "a\u0007b", 10),
                "name",
                "error.field.invalidCharacters");
    }
}
