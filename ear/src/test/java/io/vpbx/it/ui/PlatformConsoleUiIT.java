package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Mailbox;
import io.vpbx.it.support.Names;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's console in a real browser: pools and domains are created through the dialogs. */
@ExtendWith(ArquillianExtension.class)
class PlatformConsoleUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @Test
    void operatorCreatesAPoolAndADomainInIt() {
        DemoLogins demo = DemoLogins.read();
        String pool = "UI pool " + Names.token();
        String supervisor = Names.login("uisup");
        String supervisorEmail = Names.email("uisup");
        String domain = Names.sipDomain("uidomain");
        String adminEmail = Names.email("uiadmin");

        Consoles.loginPlatform(browser, demo.operatorLogin(), demo.operatorPassword());
        browser.click("menuPools").waitForUrl("/platform/pools/list.xhtml");
        browser.click("poolsForm:newPool");
        browser.type("newPoolForm:name", pool)
                .type("newPoolForm:login", supervisor)
                .type("newPoolForm:displayName", "Супервизор UI")
                .type("newPoolForm:email", supervisorEmail)
                .type("newPoolForm:password", "abc123")
                .type("newPoolForm:passwordRepeat", "abc123")
                .click("newPoolForm:create")
                .waitForText("Пул «" + pool + "» создан.");
        assertThat(browser.find("[id='poolsForm:pools']").getText()).contains(pool);
        assertThat(Mailbox.await(supervisorEmail, 1).get(0).body())
                .contains(supervisor)
                .contains("abc123");

        browser.click("menuDomains").waitForUrl("/platform/domains/list.xhtml");
        browser.click("domainsForm:newDomain");
        browser.type("newDomainForm:sipDomain", domain)
                .type("newDomainForm:displayName", "Компания UI")
                .type("newDomainForm:companyName", "ООО «UI»");
        Consoles.choose(browser, "newDomainForm:pool", pool);
        browser.type("newDomainForm:routingNumber", "0042");
        Consoles.typeNumber(browser, "newDomainForm:maxUsers", 25);
        browser.type("newDomainForm:adminName", "Админ UI")
                .type("newDomainForm:adminEmail", adminEmail)
                .type("newDomainForm:adminPassword", "qwe123")
                .type("newDomainForm:adminPasswordRepeat", "qwe123")
                .click("newDomainForm:create")
                .waitForText("Домен " + domain + " создан.");
        String table = browser.find("[id='domainsForm:domains']").getText();
        assertThat(table).contains(domain).contains(pool).contains("0042").contains("1 / 25");
        assertThat(Mailbox.await(adminEmail, 1).get(0).body()).contains(domain).contains("qwe123");
    }

    @Test
    void duplicateSipDomainIsRefusedWithAClearMessageAndTheFormKept() {
        DemoLogins demo = DemoLogins.read();
        Consoles.loginPlatform(browser, demo.operatorLogin(), demo.operatorPassword());
        browser.click("domainsForm:newDomain");
        browser.type("newDomainForm:sipDomain", demo.domainName())
                .type("newDomainForm:displayName", "Дубликат")
                .type("newDomainForm:companyName", "ООО «Дубликат»")
                .type("newDomainForm:adminName", "Админ")
                .type("newDomainForm:adminEmail", Names.email("dup"))
                .type("newDomainForm:adminPassword", "abc123")
                .type("newDomainForm:adminPasswordRepeat", "abc123")
                .click("newDomainForm:create")
                .waitForText("Такой домен уже существует.");
        assertThat(browser.id("newDomainDialog").isDisplayed()).isTrue();
        assertThat(browser.id("newDomainForm:displayName").getAttribute("value"))
                .isEqualTo("Дубликат");
    }

    @Test
    void languageSwitchChangesThePageText() {
        DemoLogins demo = DemoLogins.read();
        Consoles.loginPlatform(browser, demo.operatorLogin(), demo.operatorPassword());
        assertThat(browser.id("menuPools").getText()).isEqualTo("Пулы доменов");

        browser.click("headerForm:langEn").waitForText("Domain pools");
        assertThat(browser.id("menuPools").getText()).isEqualTo("Domain pools");
        assertThat(browser.find("h1.vpbx-title").getText()).isEqualTo("Domains");

        browser.click("headerForm:langRu").waitForText("Пулы доменов");
        assertThat(browser.find("h1.vpbx-title").getText()).isEqualTo("Домены");
    }
}
