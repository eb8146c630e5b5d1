package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipDomainNameTest {

    @Test
    void lowerCasesAndTrims() {
        assertThat(new SipDomainName("  Acme.PBX.Example.COM ").value())
                .isEqualTo("acme.pbx.example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme.ru",
                "a.b",
                "acme-office.pbx.example.com",
                "1c.example.com",
                "xn--80ak6aa92e.xn--p1ai",
                "a1-b2.c3"
            })
    void dnsNamesWithAtLeastTwoLabelsPass(String name) {
        assertThat(new SipDomainName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "acme",
                "acme.",
                ".acme.ru",
                "acme..ru",
                "-acme.ru",
                "acme-.ru",
                "acme.-ru",
                "ac_me.ru",
                "ac me.ru",
                "acme.ru:5060",
                "ivan@acme.ru",
                "пример.рф",
                "acme.ru/"
            })
    void namesBreakingLabelRulesAreInvalid(String name) {
        assertViolation(() -> new SipDomainName(name), "sipDomain", "error.sipDomain.invalid");
    }

    @Test
    void labelsAreAtMostSixtyThreeCharacters() {
        String longestLabel = "a".repeat(63);
        assertThat(new SipDomainName(longestLabel + ".ru").value()).isEqualTo(longestLabel + ".ru");
        assertViolation(
                () -> new SipDomainName("a".repeat(64) + ".ru"),
                "sipDomain",
                "error.sipDomain.invalid");
    }

    @Test
    void twoHundredFiftyThreeCharactersAreTheMaximum() {
        String label = "a".repeat(63);
        String longest = label + "." + label + "." + label + "." + "b".repeat(61);
        assertThat(longest).hasSize(253);
        assertThat(new SipDomainName(longest).value()).isEqualTo(longest);

        String tooLong = longest + "b";
        assertThat(tooLong).hasSize(254);
        assertViolation(() -> new SipDomainName(tooLong), "sipDomain", "error.sipDomain.invalid");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void missingNameIsRequired(String name) {
        assertViolation(() -> new SipDomainName(name), "sipDomain", "error.sipDomain.required");
    }

    @Test
    void toStringIsTheName() {
        assertThat(new SipDomainName("Acme.RU")).hasToString("acme.ru");
    }
}
