package io.vpbx.it.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.pool.SubgroupNode;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.shared.AccessDenied;
import io.vpbx.model.shared.NotFound;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation through the use cases (ADR 0003): a subgroup admin is limited to its subgroups,
 * a pool admin to its pool, a domain admin to its domain, whatever ids they send; and nobody, not
 * even the application's own database connection, can delete or rewrite the action history.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(TenantIsolationIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainConsoleService domainConsole;
    @Inject private ActionHistoryService history;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    @Test
    void subgroupAdminRenamesOnlyDomainsOfItsSubgroups() throws Exception {
        TenancyFixture w = world();
        LoginResult sga = w.subgroupAdminLogin();

        Identities.run(
                sga,
                () -> {
                    poolDomains.renameDomain(
                            w.domainAId, versionOf(w.domainAId), "Renamed A " + w.token);
                    assertThatThrownBy(
                                    () ->
                                            poolDomains.renameDomain(
                                                    w.domainBId, versionOf(w.domainBId), "Hijack"))
                            .isInstanceOf(AccessDenied.class)
                            .hasMessage("error.domain.notManaged");
                });
        assertThat(Identities.as(sga, () -> poolDomains.domainInfo(w.domainAId).displayName()))
                .isEqualTo("Renamed A " + w.token);
        assertThat(Identities.as(sga, () -> poolDomains.domainInfo(w.domainBId).displayName()))
                .isEqualTo("Display " + w.domainB);
    }

    @Test
    void subgroupAdminJumpsOnlyIntoDomainsOfItsSubgroups() throws Exception {
        TenancyFixture w = world();
        LoginResult sga = w.subgroupAdminLogin();

        String token = Identities.as(sga, () -> poolDomains.issueConsoleJump(w.domainAId));
        assertThatThrownBy(
                        () -> Identities.as(sga, () -> poolDomains.issueConsoleJump(w.domainBId)))
                .isInstanceOf(AccessDenied.class);

        LoginResult jumped = authentication.redeemConsoleJump(token);
        assertThat(jumped.outcome()).isEqualTo(LoginResult.Outcome.SUCCESS);
        assertThat(Identities.as(jumped, () -> domainConsole.basicInformation().sipDomain()))
                .isEqualTo(w.domainA);
        assertThat(Identities.as(jumped, () -> domainConsole.header().jumpedFromPool())).isTrue();
    }

    @Test
    void subgroupAdminSeesEveryDomainWithItsOwnSubgroupFirst() throws Exception {
        TenancyFixture w = world();
        List<SubgroupNode> tree =
                Identities.as(w.subgroupAdminLogin(), () -> poolDomains.domainTree(""));

        assertThat(tree).extracting(SubgroupNode::name).containsExactly(w.subgroupG, "Без группы");
        assertThat(tree.get(0).manageable()).isTrue();
        assertThat(tree.get(1).manageable()).isFalse();
        assertThat(tree.get(1).domains()).extracting(r -> r.sipDomain()).containsExactly(w.domainB);
        assertThat(tree.get(1).domains().get(0).manageable()).isFalse();
        assertThat(Identities.as(w.supervisorLogin(), () -> poolDomains.domainTree("")))
                .extracting(SubgroupNode::name)
                .containsExactly("Без группы", w.subgroupG);
    }

    @Test
    void subgroupAdminCannotChangeSubgroupsOrAdmins() throws Exception {
        TenancyFixture w = world();
        LoginResult sga = w.subgroupAdminLogin();

        assertThatThrownBy(() -> Identities.as(sga, () -> poolDomains.createSubgroup("Mine")))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        sga,
                                        () ->
                                                poolDomains.moveDomains(
                                                        Set.of(w.domainBId), w.subgroupGId)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> Identities.as(sga, poolAdmins::listAdmins))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void poolAdminCannotReachADomainOfAnotherPool() throws Exception {
        TenancyFixture w = world();
        LoginResult supervisor = w.supervisorLogin();

        assertThatThrownBy(
                        () -> Identities.as(supervisor, () -> poolDomains.domainInfo(w.domainCId)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        supervisor,
                                        () -> poolDomains.renameDomain(w.domainCId, 0, "x")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () ->
                                Identities.as(
                                        supervisor,
                                        () -> poolDomains.issueConsoleJump(w.domainCId)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        supervisor,
                                        () ->
                                                poolDomains.moveDomains(
                                                        Set.of(w.domainCId), w.subgroupGId)))
                .isInstanceOf(NotFound.class);
        assertThat(Identities.as(supervisor, () -> poolDomains.domainTree("")))
                .flatExtracting(SubgroupNode::domains)
                .extracting(r -> r.sipDomain())
                .containsExactlyInAnyOrder(w.domainA, w.domainB);
    }

    @Test
    void domainAdminSeesOnlyItsOwnDomainAndHistory() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);

        assertThat(Identities.as(adminA, () -> domainConsole.basicInformation().sipDomain()))
                .isEqualTo(w.domainA);
        List<HistoryRow> rows =
                Identities.as(adminA, () -> history.history(HistoryFilter.NONE, null, 200).rows());
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(HistoryRow::objectName).doesNotContain(w.domainB, w.domainC);
        long exportOfB =
                Identities.as(
                        w.adminOf(w.domainB),
                        () -> history.requestExport(HistoryFilter.NONE, Locale.ENGLISH));
        assertThatThrownBy(() -> Identities.as(adminA, () -> history.exportStatus(exportOfB)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void domainAdminCannotUseThePoolOrPlatformConsoles() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);

        assertThatThrownBy(() -> Identities.as(adminA, poolDomains::header))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> Identities.as(adminA, platform::listPools))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> Identities.as(adminA, () -> platform.getDomain(w.domainBId)))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void aJumpedPoolAdminActsOnlyInTheDomainItJumpedInto() throws Exception {
        TenancyFixture w = world();
        String token =
                Identities.as(w.supervisorLogin(), () -> poolDomains.issueConsoleJump(w.domainBId));
        LoginResult jumped = authentication.redeemConsoleJump(token);

        assertThat(Identities.as(jumped, () -> domainConsole.basicInformation().sipDomain()))
                .isEqualTo(w.domainB);
        assertThatThrownBy(() -> Identities.as(jumped, poolDomains::header))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        jumped,
                                        () -> authentication.changeMyPassword("a", "b", "c")))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void nobodyCanDeleteOrRewriteTheActionHistory() throws Exception {
        world();
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_entry"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(
                            () ->
                                    statement.executeUpdate(
                                            "UPDATE audit_entry SET actor_ip = 'forged'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(ActionHistoryService.class.getMethods())
                .extracting(java.lang.reflect.Method::getName)
                .containsExactlyInAnyOrder(
                        "history", "requestExport", "exportStatus", "exportFile");
    }

    private long versionOf(long domainId) throws Exception {
        return Identities.as(
                world().supervisorLogin(),
                () ->
                        poolDomains.domainTree("").stream()
                                .flatMap(n -> n.domains().stream())
                                .filter(r -> r.id() == domainId)
                                .findFirst()
                                .orElseThrow()
                                .version());
    }
}
