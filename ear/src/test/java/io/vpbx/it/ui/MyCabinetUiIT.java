package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Names;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The personal cabinet in a real browser: the demo domain's admin creates an employee, who logs in
 * at {@code /my} with login, password and domain, sees their own profile and SIP login, changes
 * their e-mail and password (and then logs in with the new one only), and is sent to the admin
 * console's login form when opening any {@code /domain} page, whatever id they put in the address.
 */
@ExtendWith(ArquillianExtension.class)
class MyCabinetUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @Test
    void anEmployeeWorksInTheirCabinetAndCannotOpenTheAdminConsole() throws Exception {
        DemoLogins demo = DemoLogins.read();
        String login = "my" + Names.token();
        String domain = demo.domainName();

        // The admin creates the employee with a generated console password.
        Consoles.loginDomain(browser, domain, demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.click("menuUsers").waitForUrl("/domain/users/list.xhtml");
        browser.click("usersForm:newUser");
        String extension = browser.id("createForm:extension").getAttribute("value");
        browser.type("createForm:displayName", "Мария Кабинетова")
                .type("createForm:jobTitle", "Бухгалтер")
                .type("createForm:login", login)
                .click("createForm:generate")
                .waitForAjax();
        String password = browser.id("createForm:password").getAttribute("value");
        assertThat(password).isNotBlank();
        browser.click("createForm:create")
                .waitForText("Пользователь " + login + " создан, внутренний номер " + extension);
        browser.submit("headerForm:logout").waitForUrl("/domain/login.xhtml");

        // The employee has no admin console...
        browser.go("/domain/login.xhtml")
                .type("loginForm:login", login)
                .type("loginForm:password", password)
                .type("loginForm:domain", domain)
                .submit("loginForm:submit")
                .waitForText("нет доступа к консоли администратора домена");

        // ...but a cabinet, which /my/ opens after the login.
        browser.go("/my/");
        browser.waitForUrl("/my/login.xhtml");
        loginToCabinet(login, password, domain);
        assertThat(browser.id("address").getText()).isEqualTo(login + "@" + domain);
        assertThat(browser.id("displayName").getText()).isEqualTo("Мария Кабинетова");
        assertThat(browser.id("extension").getText()).isEqualTo(extension);
        assertThat(browser.id("jobTitle").getText()).isEqualTo("Бухгалтер");
        assertThat(browser.id("sipForm:sipLogin").getText()).matches("[0-9]{7}");
        assertThat(browser.id("sipForm:registrar").getText()).startsWith(domain + ":");
        assertThat(browser.all("[id='sipForm:newSipPassword']")).isEmpty();
        assertThat(browser.id("userName").getText()).isEqualTo("Мария Кабинетова");

        // A bad e-mail is refused next to the field; a good one is saved.
        browser.type("settingsForm:email", "not-an-email").click("settingsForm:saveEmail");
        browser.waitForText("Неверный формат e-mail.");
        String email = login + "@mail.test";
        browser.type("settingsForm:email", email).click("settingsForm:saveEmail");
        browser.waitForText("E-mail сохранён.");

        // The password: the wrong current one is refused, then it is changed.
        String newPassword = "Kab1net" + Names.token().replaceAll("[^A-Za-z0-9]", "");
        changePassword("wrong1", newPassword);
        browser.waitForText("Текущий пароль указан неверно.");
        changePassword(password, newPassword);
        browser.waitForText("Пароль изменён.");

        // Admin pages, with or without someone's id, send the employee to the admin login form.
        for (String adminPage :
                new String[] {
                    "/domain/info/basic.xhtml",
                    "/domain/users/list.xhtml",
                    "/domain/users/user.xhtml?id=1",
                    "/domain/calls/history.xhtml",
                    "/domain/calls/recording?id=1",
                    "/domain/"
                }) {
            browser.go(adminPage).waitForUrl("/domain/login.xhtml");
        }
        // The cabinet takes no id: an id in the address changes nothing, it is still their own.
        browser.go("/my/profile/main.xhtml?id=1&userId=1");
        assertThat(browser.id("address").getText()).isEqualTo(login + "@" + domain);
        // A recording that is not theirs is simply not there.
        browser.go("/my/calls/recording?id=1");
        browser.waitForText("Страница недоступна или не существует.");
        browser.go("/my/calls/history.xhtml");
        assertThat(browser.id("callsForm:calls").getText()).contains("За этот период вызовов нет.");
        assertThat(browser.id("callsForm:statistics").getText()).isEqualTo("Статистика: 0 вызовов");
        // A range of days (BR-77): an inverted one is refused in words, a real one is shown.
        browser.setDate("callsFromPicker", LocalDate.of(2026, 1, 10))
                .setDate("callsUntilPicker", LocalDate.of(2026, 1, 9))
                .submit("callsForm:find")
                .waitForText("Период заканчивается раньше, чем начинается.");
        browser.setDate("callsUntilPicker", LocalDate.of(2026, 1, 11)).submit("callsForm:find");
        assertThat(browser.id("callsForm:calls").getText()).contains("За этот период вызовов нет.");
        assertThat(browser.bodyText()).doesNotContain("Период заканчивается раньше");

        // After logging out, only the new password opens the cabinet, and it shows the new e-mail.
        browser.go("/my/profile/main.xhtml");
        browser.submit("headerForm:logout").waitForUrl("/my/login.xhtml");
        browser.type("loginForm:login", login)
                .type("loginForm:password", password)
                .type("loginForm:domain", domain)
                .submit("loginForm:submit")
                .waitForText("Неверный логин или пароль.");
        loginToCabinet(login, newPassword, domain);
        assertThat(browser.id("settingsForm:email").getAttribute("value")).isEqualTo(email);
    }

    private void loginToCabinet(String login, String password, String domain) {
        browser.go("/my/login.xhtml")
                .type("loginForm:login", login)
                .type("loginForm:password", password)
                .type("loginForm:domain", domain)
                .submit("loginForm:submit")
                .waitForUrl("/my/profile/main.xhtml");
    }

    private void changePassword(String current, String newPassword) {
        if (browser.all("[id='changePasswordForm:current']").stream()
                .noneMatch(org.openqa.selenium.WebElement::isDisplayed)) {
            browser.click("headerForm:changePasswordLink");
        }
        browser.type("changePasswordForm:current", current)
                .type("changePasswordForm:newPassword", newPassword)
                .type("changePasswordForm:repeat", newPassword)
                .click("changePasswordForm:apply")
                .waitForAjax();
    }
}
