package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.Browser;
import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.ItSettings;
import io.vpbx.it.support.Mailbox;
import io.vpbx.it.support.Names;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The pool console in a real browser (spec A AT-11, AT-12, AT-13, AT-15, AT-17, AT-18). The
 * operator builds the pool through the operator console first: a pool with four domains and a
 * supervisor.
 */
@ExtendWith(ArquillianExtension.class)
class PoolConsoleUiIT extends BrowserIT {
    private static final String PASSWORD = "abc123";
    private static final String TOKEN = Names.token();
    private static final String POOL = "Пул " + TOKEN;
    private static final String SUPERVISOR = "sup-" + TOKEN;
    private static final String[] DOMAINS = {
        "d1-" + TOKEN + ".test.vpbx",
        "d2-" + TOKEN + ".test.vpbx",
        "d3-" + TOKEN + ".test.vpbx",
        "d4-" + TOKEN + ".test.vpbx"
    };

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @BeforeAll
    static void operatorBuildsThePool() {
        try (Browser operator = Browser.open()) {
            DemoLogins demo = DemoLogins.read();
            Consoles.loginPlatform(operator, demo.operatorLogin(), demo.operatorPassword());
            Consoles.createPool(operator, POOL, SUPERVISOR, Names.email("sup"), PASSWORD);
            for (int i = 0; i < DOMAINS.length; i++) {
                Consoles.createDomain(
                        operator, DOMAINS[i], POOL, "700" + (i + 1), Names.email("adm"), PASSWORD);
            }
        }
    }

    @Test
    void supervisorMovesDomainsBetweenSubgroupsAndDeletingTheGroupReturnsThem() {
        String sales = "Продажи " + TOKEN;
        Consoles.loginPool(browser, SUPERVISOR, PASSWORD);
        assertThat(browser.id("poolName").getText()).isEqualTo(POOL);
        assertThat(browser.id("poolDomainCount").getText()).isEqualTo("Доменов: 4");

        selectDomain(DOMAINS[0]);
        selectDomain(DOMAINS[2]);
        assertThat(browser.id("selectedCounter").getText()).isEqualTo("Выбрано: 2 из 4");
        browser.click("domainsForm:addToNewGroup");
        browser.type("addToNewGroupForm:groupName", sales).click("addToNewGroupForm:create");
        browser.waitForText(sales);

        assertThat(domainsIn(sales)).containsExactlyInAnyOrder(DOMAINS[0], DOMAINS[2]);
        assertThat(domainsIn("no-group")).doesNotContain(DOMAINS[0], DOMAINS[2]);
        assertThat(groupHeader(sales)).contains("Доменов: 2");

        selectDomain(DOMAINS[2]);
        browser.click("domainsForm:moveToGroup");
        Consoles.choose(browser, "moveForm:target", "Без группы");
        browser.click("moveForm:move").waitForAjax();
        browser.waitForText("Готово.");
        assertThat(domainsIn(sales)).containsExactly(DOMAINS[0]);

        browser.find("[data-subgroup='" + sales + "'] button[id$='editGroup']").click();
        browser.click("editGroupForm:delete");
        browser.click("deleteGroupForm:confirm").waitForAjax();
        browser.waitForText("Готово.");
        assertThat(browser.all("[data-subgroup='" + sales + "']")).isEmpty();
        assertThat(domainsIn("no-group")).contains(DOMAINS[0], DOMAINS[2]);

        browser.click("menuHistory").waitForUrl("/group/history/actions.xhtml");
        Consoles.choose(browser, "historyForm:action", "Удаление");
        browser.click("historyForm:show").waitForAjax();
        List<String> rows = historyRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .contains(sales)
                .contains("Удаление")
                .contains("127.0.0.1")
                .contains(SUPERVISOR);

        Consoles.choose(browser, "historyForm:action", "Действие: Любое");
        browser.type("historyForm:object", sales).click("historyForm:show").waitForAjax();
        assertThat(historyRows()).hasSize(2);
        assertThat(historyRows().get(0)).contains("Удаление");
        assertThat(historyRows().get(1)).contains("Добавление").contains("Название: " + sales);
        browser.type("historyForm:object", DOMAINS[2]).click("historyForm:show").waitForAjax();
        assertThat(historyRows()).anyMatch(r -> r.contains("Группа: " + sales + " → Без группы"));
        assertThat(historyRows()).anyMatch(r -> r.contains("Группа: Без группы → " + sales));
    }

    @Test
    void theDemoSupervisorPrintedByStartLogsIn() {
        DemoLogins demo = DemoLogins.read();
        Consoles.loginPool(browser, demo.supervisorLogin(), demo.supervisorPassword());
        assertThat(browser.id("poolName").getText()).isEqualTo("Демо-пул");
        assertThat(browser.id("userRole").getText()).isEqualTo("Супервизор");
    }

    @Test
    void removingDomainsThatAreAlreadyInNoGroupIsRefused() {
        Consoles.loginPool(browser, SUPERVISOR, PASSWORD);
        selectDomain(DOMAINS[3]);
        browser.click("domainsForm:removeFromGroup");
        browser.click("removeForm:confirm").waitForAjax();
        browser.waitForText("уже находятся в «Без группы»");
    }

    @Test
    void subgroupAdminManagesOnlyItsOwnSubgroup() {
        String own = "Свои " + TOKEN;
        String admin = "sga-" + TOKEN;
        String adminEmail = Names.email("sga");
        Consoles.loginPool(browser, SUPERVISOR, PASSWORD);
        selectDomain(DOMAINS[1]);
        browser.click("domainsForm:addToNewGroup");
        browser.type("addToNewGroupForm:groupName", own).click("addToNewGroupForm:create");
        browser.waitForText(own);

        browser.click("menuAdmins").waitForUrl("/group/admins/list.xhtml");
        browser.click("adminsForm:create");
        browser.type("adminForm:login", admin)
                .type("adminForm:displayName", "Администратор групп")
                .type("adminForm:email", adminEmail)
                .type("adminForm:password", "abc12")
                .type("adminForm:passwordRepeat", "abc12");
        browser.click("adminForm:save")
                .waitForText("Пароль слишком короткий: не менее 6 символов.");
        browser.type("adminForm:password", "абв123").type("adminForm:passwordRepeat", "абв123");
        browser.click("adminForm:save").waitForText("только из латинских букв и цифр");
        browser.type("adminForm:password", PASSWORD).type("adminForm:passwordRepeat", PASSWORD);
        browser.id("adminForm:subgroups").click();
        browser.xpath(
                        "//div[@id='adminForm:subgroups_panel']//li[.//label[normalize-space(.)='"
                                + own
                                + "']]//div[contains(@class,'ui-chkbox-box')]")
                .click();
        browser.find("[id='adminForm:subgroups_panel'] .ui-selectcheckboxmenu-close").click();
        Consoles.check(browser, "adminForm:sendCredentials", true);
        browser.click("adminForm:save").waitForText("Администратор " + admin + " создан.");
        assertThat(browser.find("[id='adminsForm:admins']").getText())
                .contains(admin)
                .contains(own);
        List<Mailbox.Mail> mails = Mailbox.await(adminEmail, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).body()).contains(admin).contains(PASSWORD);

        try (Browser second = Browser.open()) {
            Consoles.loginPool(second, admin, PASSWORD);
            assertThat(second.id("userRole").getText()).isEqualTo("Администратор групп доменов");
            assertThat(second.all("[id='domainsForm:newGroup']")).isEmpty();
            assertThat(second.all(".vpbx-select-domain")).isEmpty();
            assertThat(second.all("[id$='menuAdmins']")).isEmpty();
            List<WebElement> groups = second.all(".vpbx-subgroup");
            assertThat(groups.get(0).getAttribute("data-subgroup")).isEqualTo(own);
            assertThat(second.all("[data-subgroup='" + own + "'] a[id$='rename']")).hasSize(1);
            assertThat(second.all("[data-subgroup='no-group'] a[id$='rename']")).isEmpty();
            assertThat(second.all("[data-subgroup='no-group'] button[id$='jump']")).isEmpty();
            assertThat(second.find("[data-subgroup='no-group']").getText())
                    .contains("только просмотр");

            second.go("/group/admins/list.xhtml");
            assertThat(second.bodyText())
                    .contains("Страница недоступна или не существует.")
                    .doesNotContain(SUPERVISOR);
        }
    }

    @Test
    void jumpOpensTheDomainConsoleInANewTabWithoutAPassword() {
        Consoles.loginPool(browser, SUPERVISOR, PASSWORD);
        String poolTab = browser.driver().getWindowHandle();
        WebElement row = domainRow(DOMAINS[3]);
        row.findElement(By.cssSelector("button[id$='jump']")).click();
        browser.driver().getWindowHandles().stream()
                .filter(h -> !h.equals(poolTab))
                .findFirst()
                .ifPresent(h -> browser.driver().switchTo().window(h));
        browser.waitForUrl("/domain/info/basic.xhtml");
        assertThat(browser.id("sipDomain").getText()).isEqualTo(DOMAINS[3]);
        assertThat(browser.bodyText()).contains("Администратор пула (вход в домен)");

        browser.driver().switchTo().window(poolTab);
        browser.go("/group/domains/list.xhtml");
        assertThat(browser.id("poolName").getText()).isEqualTo(POOL);
    }

    @Test
    void historyExportsToExcelWithEveryRowTheFilterShows() throws Exception {
        Consoles.loginPool(browser, SUPERVISOR, PASSWORD);
        browser.click("menuHistory").waitForUrl("/group/history/actions.xhtml");
        String counter = browser.find("#historyCounter").getText();
        String total = counter.replaceAll("^Загружено \\d+ из (\\d+).*$", "$1");
        browser.click("historyForm:export");
        WebElement link = browser.id("historyForm:exportDownload");

        HttpClient http = HttpClient.newHttpClient();
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<InputStream> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(response.body())) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Дата и время");
            assertThat(sheet.getLastRowNum()).isEqualTo(Integer.parseInt(total));
            List<String> objects = new ArrayList<>();
            for (Row row : sheet) {
                objects.add(row.getCell(5).getStringCellValue());
            }
            assertThat(objects).contains(SUPERVISOR);
        }

        HttpResponse<String> stranger =
                http.send(
                        HttpRequest.newBuilder(URI.create(link.getAttribute("href"))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location"))
                .hasValue(ItSettings.baseUrl() + "/group/login.xhtml");
    }

    private void selectDomain(String sipDomain) {
        WebElement box =
                domainRow(sipDomain)
                        .findElement(By.cssSelector(".vpbx-select-domain .ui-chkbox-box"));
        box.click();
        browser.waitForAjax();
    }

    private WebElement domainRow(String sipDomain) {
        return browser.xpath(
                "//tr[.//span[contains(@class,'vpbx-domain-display') and normalize-space(.)='"
                        + sipDomain
                        + "']]");
    }

    private List<String> domainsIn(String subgroup) {
        List<String> names = new ArrayList<>();
        for (WebElement cell :
                browser.all("[data-subgroup='" + subgroup + "'] span.vpbx-domain-display")) {
            names.add(cell.getText());
        }
        return names;
    }

    private String groupHeader(String subgroup) {
        return browser.find("[data-subgroup='" + subgroup + "'] h3").getText();
    }

    private List<String> historyRows() {
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.all("[id='historyForm:rows_data'] tr")) {
            rows.add(row.getText());
        }
        return rows;
    }
}
