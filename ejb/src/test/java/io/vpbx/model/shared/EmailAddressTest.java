package io.vpbx.model.shared;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ivan@example.com",
                "ivan.petrov+pbx@mail.example.co.uk",
                "IVAN@EXAMPLE.COM",
                "i_van-1@sub-domain.example.org",
                "a@b.c"
            })
    void ordinaryAddressesPassUnchanged(String address) {
        assertThat(new EmailAddress(address).value()).isEqualTo(address);
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertThat(new EmailAddress("  ivan@example.com \r\n").value())
                .isEqualTo("ivan@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ivan",
                "ivan@",
                "@example.com",
                "ivan@@example.com",
                "ivan@home@example.com",
                "ivan@localhost",
                "ivan@example.",
                "ivan@.com",
                "ivan@example..com",
                "ivan@exam_ple.com",
                "ivan@exam ple.com",
                "iv an@example.com",
                "a,b@example.com",
                "a;b@example.com",
                "a:b@example.com",
                "\"ivan\"@example.com"
            })
    void malformedAddressesAreInvalid(String address) {
        assertViolation(() -> new EmailAddress(address), "email", "error.email.invalid");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ivan@example.com\nBcc: eve@evil.example",
                "ivan@example.com\r\nBcc: eve@evil.example",
                "ivan\n@example.com",
                "ivan\r@example.com",
                "iv\tan@example.com",
                "ivan\u0000@example.com",
                "ivan\u007f@example.com",
                "<ivan@example.com>",
                "Ivan <ivan@example.com>",
                "ivan@example.com>",
                "ivan@example.com, eve@evil.example"
            })
    void headerInjectionCharactersAreInvalid(String address) {
        assertViolation(() -> new EmailAddress(address), "email", "error.email.invalid");
    }

    @Test
    void twoHundredFiftyFourCharactersAreTheMaximum() {
        String domain = "@example.com";
        String longest = "a".repeat(254 - domain.length()) + domain;
        assertThat(longest).hasSize(254);
        assertThat(new EmailAddress(longest).value()).isEqualTo(longest);

        String tooLong = "a" + longest;
        assertViolation(() -> new EmailAddress(tooLong), "email", "error.email.invalid");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\n"})
    void missingAddressIsRequired(String address) {
        assertViolation(() -> new EmailAddress(address), "email", "error.email.required");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void optionalTreatsNullAndBlankAsNone(String address) {
        assertThat(EmailAddress.optional(address)).isNull();
    }

    @Test
    void optionalReturnsTheTrimmedAddressWhenGiven() {
        assertThat(EmailAddress.optional(" ivan@example.com "))
                .isEqualTo(new EmailAddress("ivan@example.com"));
    }

    @Test
    void optionalStillRejectsInvalidAddresses() {
        assertViolation(() -> EmailAddress.optional("ivan"), "email", "error.email.invalid");
    }

    @Test
    void toStringIsTheAddress() {
        assertThat(new EmailAddress("ivan@example.com")).hasToString("ivan@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ivan\u0085@example.com",
                "ivan\u009b@example.com",
                "ivan\u00a0petrov@example.com",
                "ivan\u2028@example.com",
                "ivan\u2029@example.com"
            })
    void unicodeSpacesAndControlCharactersAreInvalid(String address) {
        assertViolation(() -> new EmailAddress(address), "email", "error.email.invalid");
    }

    @Test
    void anOptionalAddressOfAnotherFieldIsReportedOnThatField() {
        assertThat(EmailAddress.optional(" ", "notificationEmail")).isNull();
        assertThat(EmailAddress.optional("ops@example.com", "notificationEmail").value())
                .isEqualTo("ops@example.com");
        assertViolation(
                () -> EmailAddress.optional("ops@", "notificationEmail"),
                "notificationEmail",
                "error.email.invalid");
    }
}
