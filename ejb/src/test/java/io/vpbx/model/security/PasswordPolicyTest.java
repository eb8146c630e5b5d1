package io.vpbx.model.security;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @Test
    void fiveCharactersAreTooShortWithTheMinimumAsArgument() {
        assertViolation(
                () -> PasswordPolicy.check("abc12"), "password", "error.password.tooShort", 6);
    }

    @Test
    void cyrillicLettersAreRefused() {
        assertViolation(
                () -> PasswordPolicy.check("абв123"), "password", "error.password.latinAndDigits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc123", "ABC123", "1a2b3c", "Passw0rd", "a12345", "1abcde"})
    void latinLettersWithDigitsPass(String password) {
        assertThatCode(() -> PasswordPolicy.check(password)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "ABCDEF", "123456"})
    void onlyLettersOrOnlyDigitsAreRefused(String password) {
        assertViolation(
                () -> PasswordPolicy.check(password), "password", "error.password.latinAndDigits");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"abc 123", "abc-123", "abc123!", " abc123", "abc123\n", "abc１２３", "ab€123"})
    void anythingButLatinLettersAndAsciiDigitsIsRefused(String password) {
        assertViolation(
                () -> PasswordPolicy.check(password), "password", "error.password.latinAndDigits");
    }

    @Test
    void sixtyFourCharactersAreTheMaximum() {
        assertThatCode(() -> PasswordPolicy.check("a1".repeat(32))).doesNotThrowAnyException();
        assertViolation(
                () -> PasswordPolicy.check("a1".repeat(32) + "a"),
                "password",
                "error.password.tooLong",
                64);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordIsRequired(String password) {
        assertViolation(
                () -> PasswordPolicy.check(password), "password", "error.password.required");
    }

    @Test
    void matchingRepeatPasses() {
        assertThatCode(() -> PasswordPolicy.checkWithRepeat("abc123", "abc123"))
                .doesNotThrowAnyException();
    }

    @Test
    void differentRepeatIsReportedOnTheRepeatField() {
        assertViolation(
                () -> PasswordPolicy.checkWithRepeat("abc123", "abc124"),
                "passwordRepeat",
                "error.password.repeatMismatch");
    }

    @Test
    void missingRepeatIsAMismatch() {
        assertViolation(
                () -> PasswordPolicy.checkWithRepeat("abc123", null),
                "passwordRepeat",
                "error.password.repeatMismatch");
    }

    @Test
    void repeatIsCaseSensitive() {
        assertViolation(
                () -> PasswordPolicy.checkWithRepeat("abc123", "ABC123"),
                "passwordRepeat",
                "error.password.repeatMismatch");
    }

    @Test
    void policyIsCheckedBeforeTheRepeat() {
        assertViolation(
                () -> PasswordPolicy.checkWithRepeat("abc12", "other"),
                "password",
                "error.password.tooShort",
                6);
    }
}
