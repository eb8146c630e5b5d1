package io.vpbx.it.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminForm;
import io.vpbx.application.pool.PoolAdminView;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.pool.ProfileForm;
import io.vpbx.application.pool.SubgroupNode;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Mailbox;
import io.vpbx.it.support.Names;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.Languages;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.AccountStatus;
import io.vpbx.model.tenancy.PoolRole;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pool console's rules on MariaDB (spec A §2.8–2.10, AT-12 to AT-16): the "No group" rules,
 * subgroup deletion, pool admins' password rule, fixed login and role, blocking, deletion and
 * self-protection, the credentials mail, and the profile.
 */
@ExtendWith(ArquillianExtension.class)
class PoolConsoleIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(PoolConsoleIT.class);
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
    void deletingASubgroupReturnsItsDomainsToNoGroupAndRevokesGrants() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        String sales = "Sales " + w.token;
        long salesId =
                Identities.as(
                        sup, () -> poolDomains.addDomainsToNewSubgroup(sales, Set.of(w.domainBId)));
        assertThat(group(sup, sales).domains())
                .extracting(d -> d.sipDomain())
                .containsExactly(w.domainB);
        String salesAdmin = "sales-" + w.token;
        long salesAdminId =
                Identities.as(
                        sup,
                        () ->
                                poolAdmins.createAdmin(
                                        new PoolAdminForm(
                                                salesAdmin,
                                                "Sales admin",
                                                Names.email("sales"),
                                                null,
                                                "abc123",
                                                "abc123",
                                                false,
                                                false,
                                                Set.of(salesId, w.subgroupGId),
                                                false,
                                                Languages.RUSSIAN)));

        Identities.run(sup, () -> poolDomains.deleteSubgroup(salesId));

        assertThat(admin(sup, salesAdminId).subgroupIds()).containsExactly(w.subgroupGId);
        List<HistoryRow> revoked =
                Identities.as(
                        sup,
                        () ->
                                history.history(
                                                new HistoryFilter(
                                                        null,
                                                        null,
                                                        null,
                                                        salesAdmin,
                                                        AuditObjectType.POOL_ADMIN,
                                                        AuditAction.EDIT,
                                                        null),
                                                null,
                                                10)
                                        .rows());
        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).changeData()).contains(sales).contains(w.subgroupG);

        assertThat(group(sup, "Без группы").domains())
                .extracting(d -> d.sipDomain())
                .contains(w.domainB);
        assertThat(Identities.as(sup, () -> poolDomains.domainTree("")))
                .extracting(SubgroupNode::name)
                .doesNotContain(sales);
        List<HistoryRow> deletes =
                Identities.as(
                        sup,
                        () ->
                                history.history(
                                                new HistoryFilter(
                                                        null,
                                                        null,
                                                        null,
                                                        sales,
                                                        AuditObjectType.SUBGROUP,
                                                        AuditAction.DELETE,
                                                        null),
                                                null,
                                                10)
                                        .rows());
        assertThat(deletes).hasSize(1);
        assertThat(deletes.get(0).actorLogin()).isEqualTo(w.supervisor);
        assertThat(deletes.get(0).changeData()).contains(w.domainB);
    }

    @Test
    void domainsCannotBeRemovedFromNoGroupAndNoGroupCannotBeDeleted() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        SubgroupNode noGroup = group(sup, "Без группы");

        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        sup,
                                        () ->
                                                poolDomains.removeDomainsFromSubgroup(
                                                        Set.of(w.domainBId))))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("error.subgroup.alreadyNoGroup");
        assertThatThrownBy(
                        () -> Identities.run(sup, () -> poolDomains.deleteSubgroup(noGroup.id())))
                .hasMessage("error.subgroup.systemImmutable");
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        sup,
                                        () ->
                                                poolDomains.renameSubgroup(
                                                        noGroup.id(), noGroup.version(), "X")))
                .hasMessage("error.subgroup.systemImmutable");
        assertThatThrownBy(() -> Identities.run(sup, () -> poolDomains.createSubgroup(w.subgroupG)))
                .hasMessage("error.subgroup.nameTaken");
    }

    @Test
    void renamingASubgroupWithAStaleVersionIsRefused() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        long id = Identities.as(sup, () -> poolDomains.createSubgroup("Old " + w.token));
        SubgroupNode loaded = group(sup, "Old " + w.token);
        Identities.run(
                sup, () -> poolDomains.renameSubgroup(id, loaded.version(), "New " + w.token));

        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        sup,
                                        () ->
                                                poolDomains.renameSubgroup(
                                                        id, loaded.version(), "Other")))
                .isInstanceOf(ConcurrentEdit.class);
    }

    @Test
    void newAdminPasswordRuleAndCredentialsMail() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        String login = Names.login("adm");
        String email = Names.email("adm");

        assertThatThrownBy(
                        () ->
                                Identities.as(
                                        sup,
                                        () ->
                                                poolAdmins.createAdmin(
                                                        form(login, email, "abc12", false))))
                .hasMessage("error.password.tooShort");
        assertThatThrownBy(
                        () ->
                                Identities.as(
                                        sup,
                                        () ->
                                                poolAdmins.createAdmin(
                                                        form(login, email, "абв123", false))))
                .hasMessage("error.password.latinAndDigits");
        long id =
                Identities.as(
                        sup, () -> poolAdmins.createAdmin(form(login, email, "abc123", true)));

        PoolAdminView created = admin(sup, id);
        assertThat(created.role()).isEqualTo(PoolRole.SUBGROUP_ADMIN);
        assertThat(created.status()).isEqualTo(AccountStatus.ACTIVE);
        List<Mailbox.Mail> mails = Mailbox.await(email, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("Доступ к консоли пула «" + w.poolP + "»");
        assertThat(mails.get(0).body()).contains("Логин: " + login).contains("Пароль: abc123");
        assertThat(authentication.loginToPool(login, "abc123").isSuccess()).isTrue();
    }

    @Test
    void loginAndRoleAreFixedAndBlockedOrDeletedAdminsCannotLogIn() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        String login = Names.login("fix");
        long id =
                Identities.as(
                        sup,
                        () ->
                                poolAdmins.createAdmin(
                                        form(login, Names.email("fix"), "abc123", false)));
        PoolAdminView loaded = admin(sup, id);

        PoolAdminForm edit =
                new PoolAdminForm(
                        "changed-login",
                        "Renamed",
                        loaded.email(),
                        null,
                        "",
                        "",
                        true,
                        true,
                        Set.of(),
                        false,
                        Languages.RUSSIAN);
        Identities.run(sup, () -> poolAdmins.editAdmin(id, loaded.version(), edit));

        PoolAdminView edited = admin(sup, id);
        assertThat(edited.login()).isEqualTo(login);
        assertThat(edited.role()).isEqualTo(PoolRole.SUBGROUP_ADMIN);
        assertThat(edited.displayName()).isEqualTo("Renamed");
        assertThat(authentication.loginToPool(login, "abc123").outcome())
                .isEqualTo(LoginResult.Outcome.ACCOUNT_BLOCKED);

        Identities.run(sup, () -> poolAdmins.deleteAdmin(id));
        assertThat(authentication.loginToPool(login, "abc123").outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
    }

    @Test
    void aSupervisorCannotBlockOrDeleteThemself() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        PoolAdminView me = Identities.as(sup, poolAdmins::myProfile);
        PoolAdminForm blockMe =
                new PoolAdminForm(
                        me.login(),
                        me.displayName(),
                        me.email(),
                        null,
                        "",
                        "",
                        true,
                        true,
                        Set.of(),
                        false,
                        Languages.RUSSIAN);

        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        sup,
                                        () -> poolAdmins.editAdmin(me.id(), me.version(), blockMe)))
                .hasMessage("error.poolAdmin.selfBlock");
        assertThatThrownBy(() -> Identities.run(sup, () -> poolAdmins.deleteAdmin(me.id())))
                .hasMessage("error.poolAdmin.selfDelete");
        assertThat(authentication.loginToPool(w.supervisor, TenancyFixture.PASSWORD).isSuccess())
                .isTrue();
    }

    @Test
    void profileChangesKeepThePasswordWhenItIsLeftBlank() throws Exception {
        TenancyFixture w = world();
        LoginResult sga = w.subgroupAdminLogin();
        PoolAdminView me = Identities.as(sga, poolAdmins::myProfile);

        Identities.run(
                sga,
                () ->
                        poolAdmins.editMyProfile(
                                me.version(),
                                new ProfileForm(
                                        "New Name", me.email(), "+7 495 123-45-67", "", "")));

        PoolAdminView after = Identities.as(sga, poolAdmins::myProfile);
        assertThat(after.displayName()).isEqualTo("New Name");
        assertThat(after.phone()).isEqualTo("+7 495 123-45-67");
        assertThat(authentication.loginToPool(w.subgroupAdmin, TenancyFixture.PASSWORD).isSuccess())
                .isTrue();
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        sga,
                                        () ->
                                                poolAdmins.editMyProfile(
                                                        after.version(),
                                                        new ProfileForm(
                                                                "N",
                                                                me.email(),
                                                                "letters",
                                                                "",
                                                                ""))))
                .hasMessage("error.phone.invalid");
    }

    private SubgroupNode group(LoginResult who, String name) throws Exception {
        return Identities.as(who, () -> poolDomains.domainTree("")).stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPasswordSetOnEditIsMailedAsANewPasswordNotAsANewAccount() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        String login = "mail-" + Names.token();
        String email = Names.email("mail");
        long id =
                Identities.as(
                        sup, () -> poolAdmins.createAdmin(form(login, email, "abc123", false)));
        PoolAdminView loaded = admin(sup, id);

        Identities.run(
                sup,
                () ->
                        poolAdmins.editAdmin(
                                id,
                                loaded.version(),
                                new PoolAdminForm(
                                        login,
                                        loaded.displayName(),
                                        email,
                                        null,
                                        "renew42",
                                        "renew42",
                                        false,
                                        false,
                                        Set.of(),
                                        true,
                                        Languages.RUSSIAN)));

        List<Mailbox.Mail> mails = Mailbox.await(email, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject())
                .isEqualTo("Новый пароль для консоли пула «" + w.poolP + "»");
        assertThat(mails.get(0).body())
                .contains("задал вам новый пароль")
                .contains("Логин: " + login)
                .contains("Пароль: renew42")
                .doesNotContain("создана");
        assertThat(authentication.loginToPool(login, "renew42").isSuccess()).isTrue();
    }

    @Test
    void twoSupervisorsBlockingEachOtherAtOnceLeaveOneActive() throws Exception {
        for (int round = 0; round < 3; round++) {
            TenancyFixture w =
                    TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
            LoginResult first = w.supervisorLogin();
            String secondLogin = "sup2-" + w.token;
            PoolAdminForm secondForm =
                    new PoolAdminForm(
                            secondLogin,
                            "Second supervisor",
                            Names.email("sup2"),
                            null,
                            "abc123",
                            "abc123",
                            true,
                            false,
                            Set.of(),
                            false,
                            Languages.RUSSIAN);
            long secondId = Identities.as(first, () -> poolAdmins.createAdmin(secondForm));
            LoginResult second = authentication.loginToPool(secondLogin, "abc123");
            PoolAdminView firstView =
                    Identities.as(first, poolAdmins::listAdmins).stream()
                            .filter(a -> a.login().equals(w.supervisor))
                            .findFirst()
                            .orElseThrow();
            PoolAdminView secondView = admin(first, secondId);

            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> both =
                        List.of(
                                pool.submit(blocking(together, first, secondView)),
                                pool.submit(blocking(together, second, firstView)));
                for (Future<?> each : both) {
                    try {
                        each.get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException refused) {
                        // The one that lost the race may be refused; that is the point.
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            long active =
                    Stream.of(
                                    authentication.loginToPool(
                                            w.supervisor, TenancyFixture.PASSWORD),
                                    authentication.loginToPool(secondLogin, "abc123"))
                            .filter(LoginResult::isSuccess)
                            .count();
            assertThat(active).as("round %d", round).isEqualTo(1);
        }
    }

    private Callable<Void> blocking(CyclicBarrier together, LoginResult who, PoolAdminView target) {
        return () -> {
            together.await(10, TimeUnit.SECONDS);
            Identities.run(
                    who,
                    () ->
                            poolAdmins.editAdmin(
                                    target.id(),
                                    target.version(),
                                    new PoolAdminForm(
                                            target.login(),
                                            target.displayName(),
                                            target.email(),
                                            target.phone(),
                                            "",
                                            "",
                                            true,
                                            true,
                                            Set.of(),
                                            false,
                                            Languages.RUSSIAN)));
            return null;
        };
    }

    private PoolAdminView admin(LoginResult who, long id) throws Exception {
        return Identities.as(who, poolAdmins::listAdmins).stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private static PoolAdminForm form(
            String login, String email, String password, boolean sendCredentials) {
        return new PoolAdminForm(
                login,
                "Admin " + login,
                email,
                null,
                password,
                password,
                false,
                false,
                Set.of(),
                sendCredentials,
                Languages.RUSSIAN);
    }
}
