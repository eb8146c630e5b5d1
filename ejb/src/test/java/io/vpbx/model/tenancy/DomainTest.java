package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static io.vpbx.model.tenancy.EntityIds.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.model.shared.EmailAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainTest {
    private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

    private final Pool pool = withId(new Pool("Acme", 3, CREATED), 1);
    private final DomainSubgroup noGroup = withId(DomainSubgroup.noGroupOf(pool), 10);
    private final DomainSubgroup sales = withId(DomainSubgroup.named(pool, "Sales"), 11);

    private final Pool otherPool = withId(new Pool("Globex", 3, CREATED), 2);
    private final DomainSubgroup otherNoGroup = withId(DomainSubgroup.noGroupOf(otherPool), 20);
    private final DomainSubgroup otherSales = withId(DomainSubgroup.named(otherPool, "Sales"), 21);

    private Domain newDomain(Pool inPool, DomainSubgroup startGroup) {
        return new Domain(
                new SipDomainName("office.acme.ru"),
                " Acme office ",
                " Acme Ltd ",
                new AppId("12345678"),
                inPool,
                startGroup,
                new DomainLimits(50, 10),
                CREATED);
    }

    private Domain pooled() {
        return newDomain(pool, noGroup);
    }

    private Domain standalone() {
        return newDomain(null, null);
    }

    @Test
    void newPooledDomainIsActiveInItsPoolsNoGroup() {
        Domain domain = pooled();

        assertThat(domain.name()).isEqualTo(new SipDomainName("office.acme.ru"));
        assertThat(domain.displayName()).isEqualTo("Acme office");
        assertThat(domain.companyName()).isEqualTo("Acme Ltd");
        assertThat(domain.appId()).isEqualTo(new AppId("12345678"));
        assertThat(domain.pool()).isSameAs(pool);
        assertThat(domain.subgroup()).isSameAs(noGroup);
        assertThat(domain.status()).isEqualTo(DomainStatus.ACTIVE);
        assertThat(domain.routingNumber()).isNull();
        assertThat(domain.personalAccountNumber()).isNull();
        assertThat(domain.notificationEmail()).isNull();
        assertThat(domain.limits().maxUsers()).isEqualTo(50);
        assertThat(domain.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void domainOutsideAnyPoolHasNoSubgroup() {
        Domain domain = standalone();

        assertThat(domain.pool()).isNull();
        assertThat(domain.subgroup()).isNull();
        assertThat(domain.isInSubgroup(10L)).isFalse();
    }

    @Test
    void pooledDomainMustStartInASubgroup() {
        assertThatThrownBy(() -> newDomain(pool, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domainOutsideAnyPoolCannotHaveASubgroup() {
        assertThatThrownBy(() -> newDomain(null, noGroup))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pooledDomainCannotStartInANamedSubgroup() {
        assertThatThrownBy(() -> newDomain(pool, sales))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pooledDomainCannotStartInAnotherPoolsNoGroup() {
        assertThatThrownBy(() -> newDomain(pool, otherNoGroup))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void displayAndCompanyNamesAreValidated() {
        assertViolation(
                () ->
                        new Domain(
                                new SipDomainName("office.acme.ru"),
                                " ",
                                "Acme Ltd",
                                new AppId("12345678"),
                                null,
                                null,
                                new DomainLimits(50, 10),
                                CREATED),
                "displayName",
                "error.field.required");
        assertViolation(
                () ->
                        new Domain(
                                new SipDomainName("office.acme.ru"),
                                "Acme office",
                                "x".repeat(257),
                                new AppId("12345678"),
                                null,
                                null,
                                new DomainLimits(50, 10),
                                CREATED),
                "companyName",
                "error.field.tooLong",
                256);
    }

    @Test
    void renameChangesOnlyTheDisplayName() {
        Domain domain = pooled();

        domain.rename(" Acme HQ ");

        assertThat(domain.displayName()).isEqualTo("Acme HQ");
        assertThat(domain.name().value()).isEqualTo("office.acme.ru");
        assertViolation(
                () -> domain.rename("x".repeat(129)), "displayName", "error.field.tooLong", 128);
    }

    @Test
    void routingNumberOfThePoolsLengthIsAssignedWithLeadingZeros() {
        Domain domain = pooled();

        domain.assignRoutingNumber(new RoutingNumber("007"));

        assertThat(domain.routingNumber()).isEqualTo(new RoutingNumber("007"));
    }

    @Test
    void routingNumberOfAnotherLengthIsRefused() {
        Domain domain = pooled();

        assertViolation(
                () -> domain.assignRoutingNumber(new RoutingNumber("0077")),
                "routingNumber",
                "error.routingNumber.length",
                3);
        assertThat(domain.routingNumber()).isNull();
    }

    @Test
    void domainOutsideAnyPoolCannotHaveARoutingNumber() {
        Domain domain = standalone();

        assertViolation(
                () -> domain.assignRoutingNumber(new RoutingNumber("007")),
                "routingNumber",
                "error.routingNumber.noPool");
    }

    @Test
    void assigningNoRoutingNumberClearsIt() {
        Domain domain = pooled();
        domain.assignRoutingNumber(new RoutingNumber("123"));

        domain.assignRoutingNumber(null);

        assertThat(domain.routingNumber()).isNull();
    }

    @Test
    void domainOutsideAnyPoolMayClearItsMissingRoutingNumber() {
        Domain domain = standalone();

        domain.assignRoutingNumber(null);

        assertThat(domain.routingNumber()).isNull();
    }

    @Test
    void moveToASubgroupOfTheSamePool() {
        Domain domain = pooled();

        domain.moveTo(sales);

        assertThat(domain.subgroup()).isSameAs(sales);
        assertThat(domain.isInSubgroup(11L)).isTrue();
        assertThat(domain.isInSubgroup(10L)).isFalse();
    }

    @Test
    void moveBackToNoGroup() {
        Domain domain = pooled();
        domain.moveTo(sales);

        domain.moveTo(noGroup);

        assertThat(domain.isInSubgroup(10L)).isTrue();
    }

    @Test
    void moveToASubgroupOfAnotherPoolIsRefused() {
        Domain domain = pooled();

        assertViolation(() -> domain.moveTo(otherSales), null, "error.subgroup.otherPool");
        assertViolation(() -> domain.moveTo(otherNoGroup), null, "error.subgroup.otherPool");
        assertThat(domain.subgroup()).isSameAs(noGroup);
    }

    @Test
    void domainOutsideAnyPoolCannotMoveToASubgroup() {
        Domain domain = standalone();

        assertViolation(() -> domain.moveTo(sales), null, "error.subgroup.otherPool");
        assertThat(domain.subgroup()).isNull();
    }

    @Test
    void personalAccountNumberIsTrimmedDigits() {
        Domain domain = pooled();

        domain.changePersonalAccountNumber(" 0012345 ");

        assertThat(domain.personalAccountNumber()).isEqualTo("0012345");
    }

    @Test
    void personalAccountNumberHasAtMostTwentyDigits() {
        Domain domain = pooled();
        domain.changePersonalAccountNumber("1".repeat(20));
        assertThat(domain.personalAccountNumber()).isEqualTo("1".repeat(20));

        assertViolation(
                () -> domain.changePersonalAccountNumber("1".repeat(21)),
                "personalAccountNumber",
                "error.personalAccount.digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-34", "12 34", "A123", "+7123", "١٢٣"})
    void personalAccountNumberWithNonDigitsIsRefused(String number) {
        Domain domain = pooled();
        domain.changePersonalAccountNumber("555");

        assertViolation(
                () -> domain.changePersonalAccountNumber(number),
                "personalAccountNumber",
                "error.personalAccount.digits");
        assertThat(domain.personalAccountNumber()).isEqualTo("555");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void missingPersonalAccountNumberClearsIt(String number) {
        Domain domain = pooled();
        domain.changePersonalAccountNumber("555");

        domain.changePersonalAccountNumber(number);

        assertThat(domain.personalAccountNumber()).isNull();
    }

    @Test
    void notificationEmailCanBeSetAndCleared() {
        Domain domain = pooled();

        domain.changeNotificationEmail(new EmailAddress("noc@acme.ru"));
        assertThat(domain.notificationEmail()).isEqualTo(new EmailAddress("noc@acme.ru"));

        domain.changeNotificationEmail(null);
        assertThat(domain.notificationEmail()).isNull();
    }

    @Test
    void statusAndLimitsAreRequired() {
        Domain domain = pooled();

        domain.changeStatus(DomainStatus.BLOCKED_FOR_NON_PAYMENT);
        assertThat(domain.status().isBlocked()).isTrue();

        assertThatThrownBy(() -> domain.changeStatus(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> domain.changeLimits(null))
                .isInstanceOf(NullPointerException.class);
    }
}
