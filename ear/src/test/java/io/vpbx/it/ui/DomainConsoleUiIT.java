package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.Browser;
import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Mailbox;
import io.vpbx.it.support.Names;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The domain console in a real browser: login with domain, password recovery by mail (spec A
 * AT-33), the lock-out after repeated failures, changing one's password, basic information and the
 * domain's own history.
 */
@ExtendWith(ArquillianExtension.class)
class DomainConsoleUiIT extends BrowserIT {
    private static final String PASSWORD = "abc123";
    private static final String TOKEN = Names.token();
    private static final String POOL = "Пул " + TOKEN;
    private static final String RECOVERING = "rec-" + TOKEN + ".test.vpbx";
    private static final String RECOVERING_EMAIL = "rec-" + TOKEN + "@mail.test";
    private static final String LOCKING = "lock-" + TOKEN + ".test.vpbx";
    private static final String CHANGING = "chg-" + TOKEN + ".test.vpbx";
    private static final Pattern LINK =
            Pattern.compile("(http://\\S+/domain/reset\\.xhtml\\?token=\\S+)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @BeforeAll
    static void operatorCreatesTheDomains() {
        try (Browser operator = Browser.open()) {
            DemoLogins demo = DemoLogins.read();
            Consoles.loginPlatform(operator, demo.operatorLogin(), demo.operatorPassword());
            Consoles.createPool(operator, POOL, "sup-" + TOKEN, Names.email("sup"), PASSWORD);
            Consoles.createDomain(operator, RECOVERING, POOL, "8101", RECOVERING_EMAIL, PASSWORD);
            Consoles.createDomain(operator, LOCKING, POOL, "8102", Names.email("lock"), PASSWORD);
            Consoles.createDomain(operator, CHANGING, POOL, "8103", Names.email("chg"), PASSWORD);
        }
    }

    @Test
    void passwordRecoveryArrivesByMailAndTheLinkWorksOnce() {
        browser.go("/domain/login.xhtml")
                .click("loginForm:recover")
                .waitForUrl("/domain/recover.xhtml");
        browser.type("recoverForm:domain", RECOVERING).type("recoverForm:login", "admin");
        browser.click("recoverForm:submit").waitForText("письмо со ссылкой уже отправлено");

        List<Mailbox.Mail> mails = Mailbox.await(RECOVERING_EMAIL, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("Восстановление пароля: " + RECOVERING);
        Matcher link = LINK.matcher(mails.get(0).body());
        assertThat(link.find()).isTrue();

        browser.driver().get(link.group(1));
        browser.type("resetForm:password", "newpass7").type("resetForm:repeat", "newpass7");
        browser.click("resetForm:submit").waitForText("Пароль изменён.");

        Consoles.loginDomain(browser, RECOVERING, "admin", "newpass7");
        assertThat(browser.id("sipDomain").getText()).isEqualTo(RECOVERING);

        try (Browser again = Browser.open()) {
            again.driver().get(link.group(1));
            again.waitForText("Ссылка для смены пароля недействительна");
            assertThat(again.all("[id='resetForm:password']")).isEmpty();
        }
    }

    @Test
    void recoveryForAnUnknownAccountAnswersTheSameAndSendsNothing() {
        browser.go("/domain/recover.xhtml");
        browser.type("recoverForm:domain", RECOVERING).type("recoverForm:login", "nobody");
        browser.click("recoverForm:submit").waitForText("письмо со ссылкой уже отправлено");
        assertThat(Mailbox.of("nobody@" + RECOVERING)).isEmpty();
    }

    @Test
    void theRightPasswordInTheWrongDomainIsRefused() {
        DemoLogins demo = DemoLogins.read();
        browser.go("/domain/login.xhtml")
                .type("loginForm:login", demo.domainAdminLogin())
                .type("loginForm:password", demo.domainAdminPassword())
                .type("loginForm:domain", RECOVERING)
                .submit("loginForm:submit")
                .waitForText("Неверный логин или пароль.");
        assertThat(browser.driver().getCurrentUrl()).contains("/domain/login.xhtml");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForThisAddress() {
        for (int i = 0; i < 4; i++) {
            attemptLogin(LOCKING, "wrong" + i).waitForText("Неверный логин или пароль.");
        }
        attemptLogin(LOCKING, "wrong4").waitForText("Слишком много неудачных попыток входа.");
        attemptLogin(LOCKING, PASSWORD).waitForText("Слишком много неудачных попыток входа.");
        assertThat(browser.driver().getCurrentUrl()).contains("/domain/login.xhtml");
    }

    @Test
    void theAdminChangesTheirPasswordFromTheHeader() {
        Consoles.loginDomain(browser, CHANGING, "admin", PASSWORD);
        browser.click("headerForm:changePasswordLink");
        browser.type("changePasswordForm:current", "wrong99")
                .type("changePasswordForm:newPassword", "chosen42")
                .type("changePasswordForm:repeat", "chosen42")
                .click("changePasswordForm:apply")
                .waitForText("Текущий пароль указан неверно.");
        browser.type("changePasswordForm:current", PASSWORD)
                .type("changePasswordForm:newPassword", "chosen42")
                .type("changePasswordForm:repeat", "chosen42")
                .click("changePasswordForm:apply")
                .waitForText("Пароль изменён.");

        browser.submit("headerForm:logout");
        Consoles.loginDomain(browser, CHANGING, "admin", "chosen42");
        assertThat(browser.id("sipDomain").getText()).isEqualTo(CHANGING);
    }

    @Test
    void basicInformationShowsTheCompanyAndTheHistoryShowsTheLogin() {
        DemoLogins demo = DemoLogins.read();
        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        assertThat(browser.id("sipDomain").getText()).isEqualTo(demo.domainName());
        assertThat(browser.id("appId").getText()).matches("[1-9][0-9]{7}");
        assertThat(browser.id("routingNumber").getText()).isEqualTo("4455");
        assertThat(browser.id("companyName").getText()).isEqualTo("ООО «Демо»");
        assertThat(browser.id("menuInfo").getText()).isEqualTo("Основная информация");

        browser.click("menuHistory").waitForUrl("/domain/history/actions.xhtml");
        assertThat(browser.find("[id='historyForm:rows_data']").getText())
                .contains("Вход в систему")
                .contains(demo.domainAdminLogin());
    }

    private Browser attemptLogin(String domain, String password) {
        return browser.go("/domain/login.xhtml")
                .type("loginForm:login", "admin")
                .type("loginForm:password", password)
                .type("loginForm:domain", domain)
                .submit("loginForm:submit");
    }
}
