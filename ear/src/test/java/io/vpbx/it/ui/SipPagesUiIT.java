package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Ports;
import io.vpbx.it.support.Sipp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SIP pages in a real browser: the domain admin sees the device that sipp registered on demo
 * extension 101; the operator sees a source banned for wrong passwords and lifts the ban.
 */
@ExtendWith(ArquillianExtension.class)
class SipPagesUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @Test
    void theDomainAdminSeesTheRegisteredDevice() throws Exception {
        DemoLogins demo = DemoLogins.read();
        String login = demo.sipLogin("101");
        int port = Ports.freeUdp();
        Sipp.Result registered =
                Sipp.run(
                        Sipp.Run.of("register.xml")
                                .from("127.0.0.1", port)
                                .fields(demo.domainName(), login, "300")
                                .credentials(login, demo.sipPassword("101")));
        assertThat(registered.exitCode()).as(registered.output()).isZero();
        try {
            Consoles.loginDomain(
                    browser,
                    demo.domainName(),
                    demo.domainAdminLogin(),
                    demo.domainAdminPassword());
            browser.click("menuRegistrations").waitForUrl("/domain/sip/registrations.xhtml");

            String table = browser.find("[id='registrations_data']").getText();
            assertThat(table)
                    .contains("101")
                    .contains("Иван Петров")
                    .contains("sip:" + login + "@127.0.0.1:" + port)
                    .contains("127.0.0.1:" + port + "/UDP")
                    .contains("sipp-register");
            assertThat(table).contains("102").contains("не зарегистрирован");
        } finally {
            Sipp.run(
                    Sipp.Run.of("unregister.xml")
                            .from("127.0.0.1", port)
                            .fields(demo.domainName(), login, "0")
                            .credentials(login, demo.sipPassword("101")));
        }
    }

    @Test
    void theOperatorSeesABannedSourceAndLiftsTheBan() throws Exception {
        DemoLogins demo = DemoLogins.read();
        String login = demo.sipLogin("102");
        Sipp.Result wrong =
                Sipp.run(
                        Sipp.Run.of("register-rechallenged.xml")
                                .calls(10)
                                .from("127.0.0.4", 0)
                                .fields(demo.domainName(), login, "300")
                                .credentials(login, "not-the-password"));
        assertThat(wrong.exitCode()).as(wrong.output()).isZero();
        assertThat(
                        Sipp.run(Sipp.Run.of("options.xml").from("127.0.0.4", 0).timeout("4s"))
                                .exitCode())
                .isNotZero();

        Consoles.loginPlatform(browser, demo.operatorLogin(), demo.operatorPassword());
        browser.click("menuSipBans").waitForUrl("/platform/sip/bans.xhtml");
        assertThat(browser.find("[id='bansForm:bans_data']").getText()).contains("127.0.0.4");

        browser.click("bansForm:bans:0:lift").waitForText("Блокировка 127.0.0.4 снята.");

        Sipp.Result answered = Sipp.run(Sipp.Run.of("options.xml").from("127.0.0.4", 0));
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        browser.click("menuHistory").waitForUrl("/platform/history/actions.xhtml");
        assertThat(browser.find("[id='historyForm:rows_data']").getText())
                .contains("127.0.0.4")
                .contains("Источник SIP-трафика");
    }

    @Test
    void aCallBetweenTheDemoExtensionsAppearsInTheCallHistory() throws Exception {
        DemoLogins demo = DemoLogins.read();
        String caller = demo.sipLogin("101");
        String callee = demo.sipLogin("102");
        int calleePort = Ports.freeUdp();
        Sipp.Result registered =
                Sipp.run(
                        Sipp.Run.of("register.xml")
                                .from("127.0.0.1", calleePort)
                                .fields(demo.domainName(), callee, "300")
                                .credentials(callee, demo.sipPassword("102")));
        assertThat(registered.exitCode()).as(registered.output()).isZero();
        try {
            Sipp.Running phone =
                    Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
            Sipp.Result call =
                    Sipp.run(
                            Sipp.Run.of("uac-call.xml")
                                    .from("127.0.0.1", Ports.freeUdp())
                                    .fields(demo.domainName(), caller, "102")
                                    .credentials(caller, demo.sipPassword("101")));
            assertThat(call.exitCode()).as(call.output()).isZero();
            assertThat(phone.await().exitCode()).isZero();
        } finally {
            Sipp.run(
                    Sipp.Run.of("unregister.xml")
                            .from("127.0.0.1", calleePort)
                            .fields(demo.domainName(), callee, "0")
                            .credentials(callee, demo.sipPassword("102")));
        }

        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.click("menuCalls").waitForUrl("/domain/calls/history.xhtml");
        browser.waitForText("Мария Соколова");
        String table = browser.find("[id='callsForm:calls_data']").getText();
        assertThat(table)
                .contains("101 Иван Петров")
                .contains("102 Мария Соколова")
                .contains("Отвечен");
        assertThat(browser.id("callsForm:statistics").getText())
                .matches("Статистика: [1-9][0-9]* вызов(а|ов)?");

        Consoles.choose(browser, "callsForm:type", "Пропущенные");
        browser.waitForText("За этот период вызовов нет.");
        // BR-78: the line counts what the filter found.
        assertThat(browser.id("callsForm:statistics").getText()).isEqualTo("Статистика: 0 вызовов");
        Consoles.choose(browser, "callsForm:type", "Отвеченные");
        browser.type("callsForm:search", "Мария").click("callsForm:find").waitForAjax();
        assertThat(browser.find("[id='callsForm:calls_data']").getText())
                .contains("102 Мария Соколова");
    }
}
