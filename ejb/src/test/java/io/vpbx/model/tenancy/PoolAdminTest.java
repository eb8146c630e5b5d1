package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static io.vpbx.model.tenancy.EntityIds.withId;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.Login;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolAdminTest {
    private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

    private final Pool pool = withId(new Pool("Acme", 3, CREATED), 1);
    private final DomainSubgroup noGroup = withId(DomainSubgroup.noGroupOf(pool), 10);
    private final DomainSubgroup sales = withId(DomainSubgroup.named(pool, "Sales"), 11);
    private final DomainSubgroup support = withId(DomainSubgroup.named(pool, "Support"), 12);

    private final Pool otherPool = withId(new Pool("Globex", 3, CREATED), 2);
    private final DomainSubgroup otherNoGroup = withId(DomainSubgroup.noGroupOf(otherPool), 20);
    private final DomainSubgroup otherSales = withId(DomainSubgroup.named(otherPool, "Sales"), 21);

    private final Domain inNoGroup = domain("free.acme.ru", pool, noGroup, 100);
    private final Domain inSales = domain("sales.acme.ru", pool, noGroup, 101);
    private final Domain inSupport = domain("support.acme.ru", pool, noGroup, 102);
    private final Domain ofOtherPool = domain("office.globex.ru", otherPool, otherNoGroup, 200);
    private final Domain standalone = domain("solo.example.com", null, null, 300);

    PoolAdminTest() {
        inSales.moveTo(sales);
        inSupport.moveTo(support);
    }

    private static Domain domain(String name, Pool pool, DomainSubgroup group, long id) {
        return withId(
                new Domain(
                        new SipDomainName(name),
                        name,
                        "Company",
                        new AppId("12345678"),
                        pool,
                        group,
                        new DomainLimits(10, 2),
                        CREATED),
                id);
    }

    private PoolAdmin admin(Pool of, PoolRole role) {
        return withId(
                new PoolAdmin(
                        of,
                        new Login("ivan"),
                        "Ivan Petrov",
                        new EmailAddress("ivan@acme.ru"),
                        null,
                        "pbkdf2$hash",
                        role,
                        AccountStatus.ACTIVE,
                        CREATED),
                1000);
    }

    @Test
    void supervisorManagesEveryDomainOfItsPool() {
        PoolAdmin supervisor = admin(pool, PoolRole.SUPERVISOR);

        assertThat(supervisor.manages(inNoGroup)).isTrue();
        assertThat(supervisor.manages(inSales)).isTrue();
        assertThat(supervisor.manages(inSupport)).isTrue();
    }

    @Test
    void supervisorManagesNoDomainOfAnotherPool() {
        PoolAdmin supervisor = admin(pool, PoolRole.SUPERVISOR);

        assertThat(supervisor.manages(ofOtherPool)).isFalse();
        assertThat(supervisor.manages(standalone)).isFalse();
    }

    @Test
    void subgroupAdminWithoutGrantsManagesNothing() {
        PoolAdmin subgroupAdmin = admin(pool, PoolRole.SUBGROUP_ADMIN);

        assertThat(subgroupAdmin.manages(inNoGroup)).isFalse();
        assertThat(subgroupAdmin.manages(inSales)).isFalse();
        assertThat(subgroupAdmin.manages(inSupport)).isFalse();
    }

    @Test
    void subgroupAdminManagesOnlyDomainsInGrantedSubgroups() {
        PoolAdmin subgroupAdmin = admin(pool, PoolRole.SUBGROUP_ADMIN);

        subgroupAdmin.grantSubgroups(List.of(sales));

        assertThat(subgroupAdmin.manages(inSales)).isTrue();
        assertThat(subgroupAdmin.manages(inSupport)).isFalse();
        assertThat(subgroupAdmin.manages(inNoGroup)).isFalse();
        assertThat(subgroupAdmin.manages(ofOtherPool)).isFalse();
        assertThat(subgroupAdmin.manages(standalone)).isFalse();
    }

    @Test
    void subgroupAdminFollowsTheDomainWhenItMoves() {
        PoolAdmin subgroupAdmin = admin(pool, PoolRole.SUBGROUP_ADMIN);
        subgroupAdmin.grantSubgroups(List.of(sales));

        inSales.moveTo(noGroup);

        assertThat(subgroupAdmin.manages(inSales)).isFalse();
    }

    @Test
    void grantingNoGroupLetsASubgroupAdminManageUngroupedDomains() {
        PoolAdmin subgroupAdmin = admin(pool, PoolRole.SUBGROUP_ADMIN);

        subgroupAdmin.grantSubgroups(List.of(noGroup));

        assertThat(subgroupAdmin.manages(inNoGroup)).isTrue();
        assertThat(subgroupAdmin.manages(inSales)).isFalse();
    }

    @Test
    void grantSubgroupsReplacesThePreviousGrants() {
        PoolAdmin subgroupAdmin = admin(pool, PoolRole.SUBGROUP_ADMIN);
        subgroupAdmin.grantSubgroups(List.of(sales));

        subgroupAdmin.grantSubgroups(List.of(support));

        assertThat(subgroupAdmin.allowedSubgroups()).containsExactly(support);
        assertThat(subgroupAdmin.manages(inSales)).isFalse();
        assertThat(subgroupAdmin.manages(inSupport)).isTrue();
    }

    @Test
    void grantSubgroupsRefusesASubgroupOfAnotherPoolAndKeepsTheOldGrants() {
        PoolAdmin subgroupAdmin = admin(pool, PoolRole.SUBGROUP_ADMIN);
        subgroupAdmin.grantSubgroups(List.of(sales));

        assertViolation(
                () -> subgroupAdmin.grantSubgroups(List.of(support, otherSales)),
                null,
                "error.subgroup.otherPool");
        assertThat(subgroupAdmin.allowedSubgroups()).containsExactly(sales);
    }

    @Test
    void grantSubgroupsRefusesAnySubgroupForASupervisor() {
        PoolAdmin supervisor = admin(pool, PoolRole.SUPERVISOR);

        assertViolation(
                () -> supervisor.grantSubgroups(List.of(sales)),
                null,
                "error.poolAdmin.supervisorHasAllSubgroups");
        assertThat(supervisor.allowedSubgroups()).isEmpty();
    }

    @Test
    void supervisorMayBeGrantedTheEmptySet() {
        PoolAdmin supervisor = admin(pool, PoolRole.SUPERVISOR);

        supervisor.grantSubgroups(List.of());

        assertThat(supervisor.allowedSubgroups()).isEmpty();
        assertThat(supervisor.manages(inSales)).isTrue();
    }

    @Test
    void revokedSubgroupIsNoLongerManaged() {
        PoolAdmin subgroupAdmin = admin(pool, PoolRole.SUBGROUP_ADMIN);
        subgroupAdmin.grantSubgroups(List.of(sales, support));

        subgroupAdmin.revokeSubgroup(sales);

        assertThat(subgroupAdmin.allowedSubgroups()).containsExactly(support);
        assertThat(subgroupAdmin.manages(inSales)).isFalse();
        assertThat(subgroupAdmin.manages(inSupport)).isTrue();
    }

    @Test
    void roleIsReportedBySupervisorFlag() {
        assertThat(admin(pool, PoolRole.SUPERVISOR).isSupervisor()).isTrue();
        assertThat(admin(pool, PoolRole.SUBGROUP_ADMIN).isSupervisor()).isFalse();
    }

    @Test
    void profilePhoneIsOptionalAndValidated() {
        PoolAdmin admin = admin(pool, PoolRole.SUBGROUP_ADMIN);

        admin.changeProfile(
                " Ivan P. ", new EmailAddress("ivan.p@acme.ru"), " +7 (495) 123-45-67 ");
        assertThat(admin.displayName()).isEqualTo("Ivan P.");
        assertThat(admin.email()).isEqualTo(new EmailAddress("ivan.p@acme.ru"));
        assertThat(admin.phone()).isEqualTo("+7 (495) 123-45-67");

        admin.changeProfile("Ivan P.", new EmailAddress("ivan.p@acme.ru"), "  ");
        assertThat(admin.phone()).isNull();

        assertViolation(
                () -> admin.changeProfile("Ivan P.", new EmailAddress("ivan.p@acme.ru"), "call me"),
                "phone",
                "error.phone.invalid");
    }

    @Test
    void loginIsKeptAsGiven() {
        assertThat(admin(pool, PoolRole.SUPERVISOR).login()).isEqualTo(new Login("ivan"));
    }
}
