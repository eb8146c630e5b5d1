package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Mailbox;
import io.vpbx.it.support.Names;
import io.vpbx.it.support.Ports;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The users pages in a real browser: the demo domain's admin creates an employee in the «Новый
 * пользователь» dialog, opens their page, generates a SIP password, offers MD5 only (for baresip),
 * and a real baresip registers with the credentials shown; disabling the SIP number then refuses
 * the next REGISTER with 403. The page also stores the outgoing restriction and the absence period
 * (shown as «Отсутствует» today), refuses a half period, and mails the login details (GreenMail).
 */
@ExtendWith(ArquillianExtension.class)
class UsersUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @Test
    void aUserCreatedInTheDialogRegistersWithTheShownCredentialsUntilTheNumberIsDisabled()
            throws Exception {
        DemoLogins demo = DemoLogins.read();
        String login = "ui" + Names.token();
        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.click("menuUsers").waitForUrl("/domain/users/list.xhtml");

        String extension = createAndOpen(login, null);

        browser.click("sipForm:resetSipPassword").click("sipForm:confirmYes").waitForAjax();
        browser.waitForText("Новый SIP-пароль сгенерирован");
        String sipLogin = browser.id("sipForm:sipLogin").getText();
        String password = browser.id("sipForm:newSipPassword").getText();
        assertThat(browser.id("sipForm:registrar").getText()).startsWith(demo.domainName() + ":");

        // Debian's baresip reads only the first (SHA-256) challenge: the number offers MD5 alone.
        Consoles.check(browser, "sipForm:md5Only", true);
        browser.click("sipForm:saveSip").waitForText("Настройки SIP-номера сохранены");

        int port = Ports.freeUdp();
        try (Baresip phone = Baresip.register(demo.domainName(), sipLogin, password, port)) {
            assertThat(phone.awaitOutput("200 OK", Duration.ofSeconds(15)))
                    .as(phone.output())
                    .isTrue();

            Consoles.check(browser, "sipForm:sipEnabled", false);
            browser.click("sipForm:saveSip").waitForText("SIP-номер отключён");
        }
        int next = Ports.freeUdp();
        try (Baresip again = Baresip.register(demo.domainName(), sipLogin, password, next)) {
            assertThat(again.awaitOutput("403", Duration.ofSeconds(15)))
                    .as(again.output())
                    .isTrue();
            assertThat(again.output()).doesNotContain("200 OK");
        }
    }

    @Test
    void thePageStoresRestrictionAndAbsenceAndMailsTheLoginDetails() throws Exception {
        DemoLogins demo = DemoLogins.read();
        String login = "ui" + Names.token();
        String email = login + "@example.com";
        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.click("menuUsers").waitForUrl("/domain/users/list.xhtml");

        // The header checkbox selects every user of the page (group headers are not users).
        int onPage = browser.all("[id$=':select']").size();
        assertThat(onPage).isPositive();
        Consoles.check(browser, "usersForm:users:selectPage", true);
        browser.waitForText("Выбрано " + onPage + " из ");
        Consoles.check(browser, "usersForm:users:selectPage", false);
        browser.act(d -> d.findElements(By.id("selectedCounter")).isEmpty());

        createAndOpen(login, email);

        Consoles.choose(browser, "userForm:outgoingRestriction", "Международных и междугородных");
        Consoles.check(browser, "userForm:voicemailToEmail", true);
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        // From yesterday: today is in the period in the server's zone (vpbx.timezone) too.
        browser.setDate("absentFromPicker", today.minusDays(1));
        browser.setDate("absentUntilPicker", today.plusDays(13));
        browser.click("userForm:save").waitForText("Сохранено.");

        browser.driver().navigate().refresh();
        assertThat(browser.id("userForm:outgoingRestriction_label").getText())
                .isEqualTo("Международных и междугородных");
        assertThat(browser.id("userForm:absentUntil_input").getAttribute("value"))
                .isEqualTo(today.plusDays(13).format(shown));
        assertThat(browser.id("userForm:absentToday").getText()).isEqualTo("Отсутствует");
        assertThat(browser.id("userForm:pickupGroup").getText()).isEqualTo("Без группы");

        // A half period is refused next to the field, and nothing is saved.
        browser.setDate("absentUntilPicker", null);
        browser.click("userForm:save")
                .waitForText("Укажите обе даты периода отсутствия или ни одной.");

        String sipLogin = browser.id("sipForm:sipLogin").getText();
        browser.click("sipForm:sendCredentials").waitForText("отправлены на " + email);
        // One mail from «Отправить данные для входа на e-mail» in the dialog, one from the page.
        List<Mailbox.Mail> mails = Mailbox.await(email, 2);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).subject()).startsWith("Данные для входа в виртуальную АТС");
        assertThat(mails.get(0).body()).contains("Пароль: ").contains("SIP-логин: " + sipLogin);
        assertThat(mails.get(1).body())
                .contains("SIP-логин: " + sipLogin)
                .contains("Логин: " + login)
                .contains("Сервер регистрации: " + demo.domainName());
    }

    /** Creates a user in the «Новый пользователь» dialog and opens their page; their extension. */
    private String createAndOpen(String login, String email) {
        browser.click("usersForm:newUser");
        String extension = browser.id("createForm:extension").getAttribute("value");
        assertThat(extension).matches("[0-9]{1,5}");
        browser.type("createForm:displayName", "Тест Браузерный")
                .type("createForm:jobTitle", "Инженер")
                .type("createForm:login", login);
        if (email != null) {
            browser.type("createForm:email", email);
            Consoles.check(browser, "createForm:sendCredentials", true);
        }
        browser.click("createForm:generate").waitForAjax();
        browser.click("createForm:create")
                .waitForText("Пользователь " + login + " создан, внутренний номер " + extension);

        browser.type("usersForm:search", login);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(
                        d ->
                                d.findElements(By.cssSelector("[id='usersForm:users_data'] tr"))
                                                .size()
                                        == 1);
        assertThat(browser.find("[id='usersForm:users_data']").getText())
                .contains(extension)
                .contains("Тест Браузерный")
                .contains("Инженер")
                .contains("включён");
        browser.click("usersForm:users:0:open").waitForUrl("/domain/users/user.xhtml");
        return extension;
    }
}
