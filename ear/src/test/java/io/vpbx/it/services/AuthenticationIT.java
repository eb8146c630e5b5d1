package io.vpbx.it.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.TokenIssuer;
import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.platform.PoolSummary;
import io.vpbx.application.pool.PoolAdminForm;
import io.vpbx.application.pool.PoolAdminView;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Mailbox;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.Languages;
import io.vpbx.model.shared.RuleViolation;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class AuthenticationIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(AuthenticationIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private TokenIssuer tokens;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    @Test
    void demoOperatorLogsInAndSeesTheDemoPool() throws Exception {
        DemoLogins demo = DemoLogins.read();
        LoginResult login =
                authentication.loginToPlatform(demo.operatorLogin(), demo.operatorPassword());

        assertThat(login.outcome()).isEqualTo(LoginResult.Outcome.SUCCESS);
        assertThat(login.roles()).containsExactly(Roles.OPERATOR);
        List<PoolSummary> pools = Identities.as(login, platform::listPools);
        assertThat(pools).extracting(PoolSummary::name).contains("Демо-пул");
    }

    @Test
    void wrongLoginAndWrongPasswordLookTheSame() throws Exception {
        TenancyFixture w = world();
        assertThat(authentication.loginToPool(w.supervisor, "wrong1").outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
        assertThat(
                        authentication
                                .loginToPool("nobody-" + w.token, TenancyFixture.PASSWORD)
                                .outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
        assertThat(
                        authentication
                                .loginToDomain(
                                        "no-such.domain.test", "admin", TenancyFixture.PASSWORD)
                                .outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
        assertThat(authentication.loginToDomain(w.domainB, "admin", "x").outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        TenancyFixture w = world();
        for (int i = 0; i < 4; i++) {
            assertThat(authentication.loginToDomain(w.domainC, "admin", "bad" + i).outcome())
                    .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
        }
        LoginResult fifth = authentication.loginToDomain(w.domainC, "admin", "bad4");
        assertThat(fifth.outcome()).isEqualTo(LoginResult.Outcome.LOCKED);
        assertThat(fifth.lockedUntil())
                .isBetween(
                        Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
        assertThat(
                        authentication
                                .loginToDomain(w.domainC, "admin", TenancyFixture.PASSWORD)
                                .outcome())
                .isEqualTo(LoginResult.Outcome.LOCKED);
        assertThat(
                        authentication
                                .loginToDomain(w.domainA, "admin", TenancyFixture.PASSWORD)
                                .isSuccess())
                .isTrue();
    }

    @Test
    void aConsoleJumpTokenWorksOnceAndAForgedOneNever() throws Exception {
        TenancyFixture w = world();
        String token =
                Identities.as(w.supervisorLogin(), () -> poolDomains.issueConsoleJump(w.domainBId));

        assertThat(authentication.redeemConsoleJump(token).isSuccess()).isTrue();
        assertThat(authentication.redeemConsoleJump(token).outcome())
                .isEqualTo(LoginResult.Outcome.LINK_INVALID);
        String forged =
                token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(authentication.redeemConsoleJump(forged).outcome())
                .isEqualTo(LoginResult.Outcome.LINK_INVALID);
        assertThat(authentication.redeemConsoleJump("garbage").outcome())
                .isEqualTo(LoginResult.Outcome.LINK_INVALID);
        assertThat(authentication.redeemConsoleJump(null).outcome())
                .isEqualTo(LoginResult.Outcome.LINK_INVALID);
    }

    @Test
    void anExpiredRecoveryLinkIsRefusedWithItsReason() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long userId = ActorRef.parse(admin.principalName()).accountId();
        TokenIssuer.IssuedToken issued = tokens.issue();
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert =
                        c.prepareStatement(
                                "INSERT INTO one_time_token (purpose, token_digest, domain_id, subject_id, issued_by,"
                                        + " issued_at, expires_at, version) VALUES ('PASSWORD_RECOVERY', ?, ?, ?, 'test',"
                                        + " ?, ?, 0)")) {
            insert.setString(1, issued.digest());
            insert.setLong(2, w.domainAId);
            insert.setLong(3, userId);
            insert.setTimestamp(
                    4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(2)));
            insert.setTimestamp(
                    5, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(1)));
            insert.executeUpdate();
        }

        assertThat(authentication.isRecoveryLinkUsable(issued.token())).isFalse();
        assertThatThrownBy(
                        () -> authentication.resetPassword(issued.token(), "newpass1", "newpass1"))
                .hasMessage("error.token.expired");
        assertThatThrownBy(
                        () -> authentication.resetPassword("forged.token", "newpass1", "newpass1"))
                .hasMessage("error.token.invalid");
        assertThat(w.adminOf(w.domainA).isSuccess()).isTrue();
    }

    @Test
    void aRecoveryLinkSetsTheNewPasswordOnce() throws Exception {
        TenancyFixture w = world();
        authentication.requestPasswordRecovery(w.domainA, "admin", Languages.ENGLISH);
        List<Mailbox.Mail> mails = Mailbox.await(w.adminAEmail, 1);
        assertThat(mails.get(0).subject()).isEqualTo("Password recovery: " + w.domainA);
        Matcher link = Pattern.compile("token=(\\S+)").matcher(mails.get(0).body());
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        assertThatThrownBy(() -> authentication.resetPassword(token, "short", "short"))
                .hasMessage("error.password.tooShort");
        authentication.resetPassword(token, "renewed7", "renewed7");

        assertThat(authentication.loginToDomain(w.domainA, "admin", "renewed7").isSuccess())
                .isTrue();
        assertThat(
                        authentication
                                .loginToDomain(w.domainA, "admin", TenancyFixture.PASSWORD)
                                .outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
        assertThatThrownBy(() -> authentication.resetPassword(token, "again777", "again777"))
                .hasMessage("error.token.used");
        authentication.resetPassword(
                resetToken(w), TenancyFixture.PASSWORD, TenancyFixture.PASSWORD);
    }

    @Test
    void anAdminChangesTheirOwnPasswordAfterProvingTheCurrentOne() throws Exception {
        TenancyFixture w = TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
        LoginResult admin = w.adminOf(w.domainC);

        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        admin,
                                        () ->
                                                authentication.changeMyPassword(
                                                        "wrong1", "fresh123", "fresh123")))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("error.password.currentWrong")
                .satisfies(
                        e -> assertThat(((RuleViolation) e).field()).isEqualTo("currentPassword"));
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        admin,
                                        () ->
                                                authentication.changeMyPassword(
                                                        TenancyFixture.PASSWORD, "short", "short")))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("error.password.tooShort");
        Identities.run(
                admin,
                () ->
                        authentication.changeMyPassword(
                                TenancyFixture.PASSWORD, "fresh123", "fresh123"));

        assertThat(w.adminOf(w.domainC).outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
        assertThat(authentication.loginToDomain(w.domainC, "admin", "fresh123").outcome())
                .isEqualTo(LoginResult.Outcome.SUCCESS);
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT change_data FROM audit_entry WHERE domain_id = ?"
                                        + " AND object_type = 'DOMAIN_USER' AND action = 'EDIT'")) {
            q.setLong(1, w.domainCId);
            try (var rows = q.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).contains("\"password\"").doesNotContain("fresh123");
            }
        }
    }

    @Test
    void theOperatorChangesTheirPasswordToo() throws Exception {
        DemoLogins demo = DemoLogins.read();
        LoginResult operator =
                authentication.loginToPlatform(demo.operatorLogin(), demo.operatorPassword());
        Identities.run(
                operator,
                () ->
                        authentication.changeMyPassword(
                                demo.operatorPassword(), "interim77", "interim77"));
        try {
            assertThat(authentication.loginToPlatform(demo.operatorLogin(), "interim77").outcome())
                    .isEqualTo(LoginResult.Outcome.SUCCESS);
        } finally {
            Identities.run(
                    operator,
                    () ->
                            authentication.changeMyPassword(
                                    "interim77", demo.operatorPassword(), demo.operatorPassword()));
        }
        assertThat(
                        authentication
                                .loginToPlatform(demo.operatorLogin(), demo.operatorPassword())
                                .outcome())
                .isEqualTo(LoginResult.Outcome.SUCCESS);
    }

    @Test
    void wrongCurrentPasswordsLockThePasswordChange() throws Exception {
        TenancyFixture w = TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
        LoginResult admin = w.adminOf(w.domainC);
        for (int i = 0; i < 4; i++) {
            String guess = "guess" + i;
            assertThatThrownBy(
                            () ->
                                    Identities.run(
                                            admin,
                                            () ->
                                                    authentication.changeMyPassword(
                                                            guess, "fresh123", "fresh123")))
                    .hasMessage("error.password.currentWrong");
        }
        for (String attempt : List.of("guess4", TenancyFixture.PASSWORD)) {
            assertThatThrownBy(
                            () ->
                                    Identities.run(
                                            admin,
                                            () ->
                                                    authentication.changeMyPassword(
                                                            attempt, "fresh123", "fresh123")))
                    .hasMessage("error.password.tooManyAttempts");
        }
        assertThat(w.adminOf(w.domainC).outcome()).isEqualTo(LoginResult.Outcome.SUCCESS);
    }

    @Test
    void blockingAPoolAdminEndsTheirSession() throws Exception {
        TenancyFixture w = world();
        LoginResult sga = w.subgroupAdminLogin();
        assertThat(authentication.isSessionValid(sga.principalName())).isTrue();
        PoolAdminView view =
                Identities.as(w.supervisorLogin(), poolAdmins::listAdmins).stream()
                        .filter(a -> a.login().equals(w.subgroupAdmin))
                        .findFirst()
                        .orElseThrow();
        Identities.run(
                w.supervisorLogin(),
                () ->
                        poolAdmins.editAdmin(
                                view.id(),
                                view.version(),
                                new PoolAdminForm(
                                        view.login(),
                                        view.displayName(),
                                        view.email(),
                                        null,
                                        "",
                                        "",
                                        false,
                                        true,
                                        view.subgroupIds(),
                                        false,
                                        Languages.RUSSIAN)));

        assertThat(authentication.isSessionValid(sga.principalName())).isFalse();
        assertThat(w.subgroupAdminLogin().outcome()).isEqualTo(LoginResult.Outcome.ACCOUNT_BLOCKED);
    }

    /**
     * Recovers domain A's admin password again, so the fixture's password holds for the other
     * tests.
     */
    private String resetToken(TenancyFixture w) {
        authentication.requestPasswordRecovery(w.domainA, "admin", Languages.ENGLISH);
        List<Mailbox.Mail> mails = Mailbox.await(w.adminAEmail, 2);
        Matcher link = Pattern.compile("token=(\\S+)").matcher(mails.get(mails.size() - 1).body());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
