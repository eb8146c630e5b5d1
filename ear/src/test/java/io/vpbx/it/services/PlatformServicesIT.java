package io.vpbx.it.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.application.platform.DomainProfile;
import io.vpbx.application.platform.DomainView;
import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.platform.NewPool;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Names;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.Languages;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.DomainStatus;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's use cases on MariaDB: duplicates and invalid input get a precise error on the
 * right field and leave nothing behind; edits are optimistic-locked, recorded with before and
 * after, and blocks end logins.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformServicesIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(PlatformServicesIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private ActionHistoryService history;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    @Test
    void duplicatesAreRefusedOnTheirField() throws Exception {
        TenancyFixture w = world();
        DomainView a = Identities.as(w.operator(), () -> platform.getDomain(w.domainAId));

        assertViolation(
                () -> create(domain(w.domainA, w.poolPId, null, null)),
                "sipDomain",
                "error.sipDomain.taken");
        assertViolation(
                () -> create(domain(Names.sipDomain("dup"), w.poolPId, a.appId(), null)),
                "appId",
                "error.appId.taken");
        assertViolation(
                () -> create(domain(Names.sipDomain("dup"), w.poolPId, null, "1001")),
                "routingNumber",
                "error.routingNumber.taken");
        assertViolation(
                () ->
                        Identities.as(
                                w.operator(),
                                () ->
                                        platform.createPool(
                                                new NewPool(
                                                        w.poolP,
                                                        4,
                                                        account(Names.login("x")),
                                                        false,
                                                        Languages.RUSSIAN))),
                "name",
                "error.pool.nameTaken");
        assertViolation(
                () ->
                        Identities.as(
                                w.operator(),
                                () ->
                                        platform.createPool(
                                                new NewPool(
                                                        "Other " + Names.token(),
                                                        4,
                                                        account(w.supervisor),
                                                        false,
                                                        Languages.RUSSIAN))),
                "login",
                "error.login.taken");
    }

    @Test
    void theSameRoutingNumberMayBeUsedInAnotherPool() throws Exception {
        TenancyFixture w = world();
        String name = Names.sipDomain("other");
        long id = create(domain(name, w.poolQId, null, "1002"));
        assertThat(Identities.as(w.operator(), () -> platform.getDomain(id).routingNumber()))
                .isEqualTo("1002");
    }

    @Test
    void invalidInputIsRefusedAndNothingIsHalfSaved() throws Exception {
        TenancyFixture w = world();
        String name = Names.sipDomain("half");

        assertViolation(
                () -> create(domain("Bad_Domain.test", w.poolPId, null, null)),
                "sipDomain",
                "error.sipDomain.invalid");
        assertViolation(
                () -> create(domain(name, w.poolPId, null, "12")),
                "routingNumber",
                "error.routingNumber.length");
        assertViolation(
                () -> create(domain(name, w.poolPId, null, "12a4")),
                "routingNumber",
                "error.routingNumber.digits");
        assertViolation(
                () -> create(domain(name, null, null, "1234")),
                "routingNumber",
                "error.routingNumber.noPool");
        assertViolation(
                () -> create(withAdminPassword(domain(name, w.poolPId, null, null), "abc12")),
                "password",
                "error.password.tooShort");
        assertViolation(
                () -> create(withAdminPassword(domain(name, w.poolPId, null, null), "абв123")),
                "password",
                "error.password.latinAndDigits");

        assertThat(Identities.as(w.operator(), () -> platform.findDomains(name))).isEmpty();
    }

    @Test
    void theUserLimitCannotBeLoweredBelowTheUsersTheDomainHas() throws Exception {
        TenancyFixture w = world();
        String name = "limit-" + Names.token() + ".test.vpbx";
        long id = create(domain(name, w.poolPId, null, null));
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        try (Connection c = dataSource.getConnection();
                PreparedStatement second =
                        c.prepareStatement(
                                "INSERT INTO domain_user (domain_id, login, display_name,"
                                        + " password_hash, role, status, created_at, version)"
                                        + " SELECT domain_id, 'second', 'Second', password_hash,"
                                        + " 'USER', status, created_at, 0 FROM domain_user"
                                        + " WHERE domain_id = ?")) {
            second.setLong(1, id);
            assertThat(second.executeUpdate()).isEqualTo(1);
        }
        DomainView loaded = Identities.as(w.operator(), () -> platform.getDomain(id));

        assertViolation(
                () ->
                        Identities.run(
                                w.operator(),
                                () ->
                                        platform.editDomainProfile(
                                                id,
                                                loaded.version(),
                                                profile(loaded, 1, DomainStatus.ACTIVE))),
                "maxUsers",
                "error.limit.belowUsers");
        Identities.run(
                w.operator(),
                () ->
                        platform.editDomainProfile(
                                id, loaded.version(), profile(loaded, 2, DomainStatus.ACTIVE)));
        assertThat(Identities.as(w.operator(), () -> platform.getDomain(id).maxUsers()))
                .isEqualTo(2);
    }

    @Test
    void aStaleEditIsRefusedAsAConcurrentChange() throws Exception {
        TenancyFixture w = world();
        DomainView loaded = Identities.as(w.operator(), () -> platform.getDomain(w.domainBId));
        Identities.run(
                w.operator(),
                () ->
                        platform.editDomainProfile(
                                loaded.id(),
                                loaded.version(),
                                profile(loaded, 77, DomainStatus.ACTIVE)));

        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        w.operator(),
                                        () ->
                                                platform.editDomainProfile(
                                                        loaded.id(),
                                                        loaded.version(),
                                                        profile(loaded, 88, DomainStatus.ACTIVE))))
                .isInstanceOf(ConcurrentEdit.class)
                .hasMessage("error.concurrentEdit");
        assertThat(Identities.as(w.operator(), () -> platform.getDomain(w.domainBId).maxUsers()))
                .isEqualTo(77);
    }

    @Test
    void editsAreRecordedWithBeforeAndAfterAndBlockingEndsLogins() throws Exception {
        TenancyFixture w = world();
        assertThat(w.adminOf(w.domainC).isSuccess()).isTrue();
        DomainView c = Identities.as(w.operator(), () -> platform.getDomain(w.domainCId));

        Identities.run(
                w.operator(),
                () ->
                        platform.editDomainProfile(
                                c.id(),
                                c.version(),
                                profile(c, c.maxUsers(), DomainStatus.BLOCKED_BY_OPERATOR)));

        assertThat(w.adminOf(w.domainC).outcome())
                .isEqualTo(io.vpbx.application.auth.LoginResult.Outcome.DOMAIN_BLOCKED);
        List<HistoryRow> rows =
                Identities.as(
                        w.operator(),
                        () ->
                                history.history(
                                                new HistoryFilter(
                                                        null,
                                                        null,
                                                        null,
                                                        w.domainC,
                                                        AuditObjectType.DOMAIN,
                                                        AuditAction.EDIT,
                                                        null),
                                                null,
                                                10)
                                        .rows());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).changeData())
                .isEqualTo(
                        "[{\"field\":\"status\",\"before\":\"ACTIVE\",\"after\":\"BLOCKED_BY_OPERATOR\"}]");
        assertThat(rows.get(0).actorLogin())
                .isEqualTo(io.vpbx.it.support.DemoLogins.read().operatorLogin());
    }

    @Test
    void creatingADomainRecordsItAndItsAdminWithoutThePassword() throws Exception {
        TenancyFixture w = world();
        List<HistoryRow> rows =
                Identities.as(
                        w.operator(),
                        () ->
                                history.history(
                                                new HistoryFilter(
                                                        null,
                                                        null,
                                                        null,
                                                        null,
                                                        null,
                                                        AuditAction.ADD,
                                                        null),
                                                null,
                                                200)
                                        .rows());
        HistoryRow domain =
                rows.stream()
                        .filter(r -> r.objectName().equals(w.domainA))
                        .findFirst()
                        .orElseThrow();
        assertThat(domain.objectType()).isEqualTo(AuditObjectType.DOMAIN);
        assertThat(domain.changeData())
                .contains("\"routingNumber\",\"before\":null,\"after\":\"1001\"");
        HistoryRow admin =
                rows.stream()
                        .filter(
                                r ->
                                        r.objectType() == AuditObjectType.DOMAIN_USER
                                                && r.changeData().contains(w.adminAEmail))
                        .findFirst()
                        .orElseThrow();
        assertThat(admin.changeData())
                .contains("\"password\",\"before\":\"******\",\"after\":\"******\"");
        assertThat(admin.changeData()).doesNotContain(TenancyFixture.PASSWORD);
    }

    private long create(NewDomain domain) throws Exception {
        return Identities.as(world().operator(), () -> platform.createDomain(domain));
    }

    private static void assertViolation(ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call)
                .isInstanceOf(RuleViolation.class)
                .hasMessage(key)
                .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo(field));
    }

    private static NewAccount account(String login) {
        return new NewAccount(
                login,
                "Someone",
                Names.email("x"),
                TenancyFixture.PASSWORD,
                TenancyFixture.PASSWORD);
    }

    private static NewDomain domain(String name, Long poolId, String appId, String routingNumber) {
        return new NewDomain(
                name,
                "Display",
                "Company",
                poolId,
                appId,
                routingNumber,
                null,
                null,
                10,
                5,
                account("admin"),
                false,
                Languages.RUSSIAN);
    }

    private static NewDomain withAdminPassword(NewDomain d, String password) {
        return new NewDomain(
                d.sipDomain(),
                d.displayName(),
                d.companyName(),
                d.poolId(),
                d.appId(),
                d.routingNumber(),
                null,
                null,
                10,
                5,
                new NewAccount("admin", "Someone", Names.email("x"), password, password),
                false,
                Languages.RUSSIAN);
    }

    private static DomainProfile profile(DomainView d, int maxUsers, DomainStatus status) {
        return new DomainProfile(
                d.displayName(),
                d.companyName(),
                d.routingNumber(),
                d.personalAccountNumber(),
                d.notificationEmail(),
                maxUsers,
                d.maxChannels(),
                status);
    }
}
