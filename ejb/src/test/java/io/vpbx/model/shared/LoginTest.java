package io.vpbx.model.shared;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginTest {

    @Test
    void lowerCasesAndTrims() {
        assertThat(new Login("  Ivan.Petrov ").value()).isEqualTo("ivan.petrov");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ivan", "ivan.petrov", "ivan_petrov", "ivan-petrov", "i2", "42", "0a._-z9"})
    void latinLettersDigitsDotUnderscoreAndHyphenPass(String login) {
        assertThat(new Login(login).value()).isEqualTo(login);
    }

    @Test
    void twoCharactersAreTheMinimum() {
        assertThat(new Login("ab").value()).isEqualTo("ab");
        assertViolation(() -> new Login("a"), "login", "error.login.invalid");
    }

    @Test
    void sixtyFourCharactersAreTheMaximum() {
        String longest = "a".repeat(64);
        assertThat(new Login(longest).value()).isEqualTo(longest);
        assertViolation(() -> new Login("a".repeat(65)), "login", "error.login.invalid");
    }

    @Test
    void lengthIsMeasuredAfterTrimming() {
        String longest = "b".repeat(64);
        assertThat(new Login("  " + longest + "  ").value()).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {".ivan", "_ivan", "-ivan"})
    void mustStartWithLetterOrDigit(String login) {
        assertViolation(() -> new Login(login), "login", "error.login.invalid");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ivan petrov",
                "ivan@home",
                "ivan+1",
                "ivan:5060",
                "ivan;x",
                "ivan/x",
                "ivan%20",
                "ivan\"",
                "иван",
                "ivan\tpetrov",
                "iv\u0000an"
            })
    void charactersUnsafeInSipUserPartAreInvalid(String login) {
        assertViolation(() -> new Login(login), "login", "error.login.invalid");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void missingLoginIsRequired(String login) {
        assertViolation(() -> new Login(login), "login", "error.login.required");
    }

    @Test
    void toStringIsTheNormalisedValue() {
        assertThat(new Login("Admin")).hasToString("admin");
    }

    @Test
    void equalityIsByNormalisedValue() {
        assertThat(new Login(" IVAN ")).isEqualTo(new Login("ivan"));
    }
}
