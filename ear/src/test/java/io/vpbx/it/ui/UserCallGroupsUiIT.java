package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Names;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Call groups on the users' side in a real browser (spec B BR-2, BR-5, BR-7, BR-32, BR-34, AT-26):
 * users imported into new groups show them in the list's column; «В группу» moves two of them into
 * one group; the user page's chips gain a group through «Добавить группу» and lose one with ✕; and
 * deleting a group's only member names the group in the confirmation before the admin confirms.
 */
@ExtendWith(ArquillianExtension.class)
class UserCallGroupsUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @Test
    void groupsShowInTheListMoveWithTheBulkBarChangeOnTheUserPageAndNameTheEmptiedOnDelete()
            throws Exception {
        DemoLogins demo = DemoLogins.read();
        String t = Names.token();
        String lower = t.toLowerCase();
        String alpha = "Альфа " + t;
        String beta = "Бета " + t;
        String gamma = "Гамма " + t;
        String delta = "Дельта " + t;
        String a = "Группы А " + t;
        String b = "Группы Б " + t;
        String c = "Группы В " + t;
        String d = "Группы Г " + t;
        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());

        // The groups come from the import, which creates the ones the file names (BR-22e).
        Path dir = Files.createTempDirectory("vpbx-user-groups-");
        Path file = dir.resolve("groups-" + t + ".csv");
        Files.writeString(
                file,
                "login;password;name;extension;groups;cli;email\n"
                        + ("ga" + lower + ";Abcdefg1;" + a + ";;" + alpha + ";;\n")
                        + ("gb" + lower + ";Abcdefg1;" + b + ";;" + alpha + ", " + beta + ";;\n")
                        + ("gc" + lower + ";Abcdefg1;" + c + ";;" + gamma + ";;\n")
                        + ("gd" + lower + ";Abcdefg1;" + d + ";;" + delta + ";;\n"),
                StandardCharsets.UTF_8);
        browser.go("/domain/users/import.xhtml");
        browser.driver()
                .findElement(By.cssSelector("[id='uploadForm'] input[type=file]"))
                .sendKeys(file.toString());
        browser.submit("uploadForm:check");
        assertThat(browser.id("ready").getText()).isEqualTo("4");
        // The preview names the groups the import will create (BR-22e).
        assertThat(browser.id("previewForm:newGroups").getText())
                .contains(alpha + ", " + beta + ", " + gamma + ", " + delta);
        browser.click("previewForm:start");
        new WebDriverWait(browser.driver(), Duration.ofMinutes(2))
                .until(
                        x ->
                                "100"
                                        .equals(
                                                x.findElement(By.id("progressForm:progress"))
                                                        .getAttribute("aria-valuenow")));
        browser.waitForText("Создано");
        assertThat(browser.id("created").getText()).isEqualTo("4");

        // BR-2: each row shows its groups; BR-5: the side block links to the groups' pages.
        browser.go("/domain/users/list.xhtml");
        search(t);
        awaitGroups(a, alpha);
        awaitGroups(b, alpha + " " + beta);
        awaitGroups(c, gamma);
        awaitGroups(d, delta);
        assertThat(browser.id("usersForm:allGroups").getAttribute("href"))
                .contains("/domain/groups/list.xhtml");

        // BR-7: «В группу» with two users selected moves both into exactly that group.
        Consoles.check(browser, rowId(a, "select"), true);
        Consoles.check(browser, rowId(b, "select"), true);
        browser.click("usersForm:toCallGroup");
        assertThat(browser.id("callGroupForm:save").isEnabled()).isFalse();
        WebElement row =
                browser.act(
                        x ->
                                x.findElement(
                                        By.xpath(
                                                "//*[@id='callGroupForm:groups_data']/tr[contains(.,'"
                                                        + gamma
                                                        + "')]")));
        assertThat(row.getText()).contains("Всем пользователям");
        browser.act(
                x -> {
                    x.findElement(
                                    By.xpath(
                                            "//*[@id='callGroupForm:groups_data']/tr[contains(.,'"
                                                    + gamma
                                                    + "')]/td[1]"))
                            .click();
                    return Boolean.TRUE;
                });
        browser.waitForAjax();
        browser.click("callGroupForm:save")
                .waitForText("Перенесено в группу «" + gamma + "» пользователей: 2.");
        awaitGroups(a, gamma);
        awaitGroups(b, gamma);
        awaitGroups(c, gamma);

        // BR-32: on A's page, «Добавить группу» adds «Альфа»; ✕ on «Гамма» takes A out of it.
        browser.click(rowId(a, "open")).waitForUrl("/domain/users/user.xhtml");
        awaitChips(gamma);
        browser.click("groupsForm:addGroups");
        assertThat(browser.id("addGroupsForm:save").isEnabled()).isFalse();
        WebElement filter =
                browser.act(
                        x ->
                                x.findElement(
                                        By.cssSelector(
                                                "[id='addGroupsForm:groups'] input.ui-selectlistbox-filter")));
        filter.sendKeys(alpha);
        browser.act(
                x -> {
                    WebElement item =
                            x.findElement(
                                    By.xpath(
                                            "//*[@id='addGroupsForm:groups']//li[contains(.,'"
                                                    + alpha
                                                    + "')]"));
                    if (!item.isDisplayed()) {
                        return null;
                    }
                    item.click();
                    return item;
                });
        browser.waitForAjax();
        browser.click("addGroupsForm:save").waitForText("Пользователь добавлен в группы: 1.");
        awaitChips(alpha, gamma);
        browser.click(chipId(gamma))
                .waitForText("Пользователь исключён из группы «" + gamma + "».");
        awaitChips(alpha);

        // BR-34/AT-26: D is «Дельта»'s only member; the confirmation says so, and the admin may go
        // on.
        browser.go("/domain/users/list.xhtml");
        search(t);
        awaitGroups(a, alpha);
        Consoles.check(browser, rowId(d, "select"), true);
        browser.click("usersForm:deleteSelected");
        assertThat(browser.id("deleteForm:leftEmpty").getText())
                .contains("«" + delta + "»")
                .contains("не останется ни одного участника");
        browser.click("deleteForm:confirm").waitForText("Удалено пользователей: 1.");

        // B alone in the confirmation leaves no group empty: «Гамма» still has C.
        Consoles.check(browser, rowId(b, "select"), true);
        browser.click("usersForm:deleteSelected");
        browser.id("deleteForm:confirm");
        assertThat(browser.all("[id='deleteForm:leftEmpty']")).isEmpty();
        browser.click("deleteForm:cancel");

        // The user page's «Удалить пользователя»: «Гамма» keeps B, so C's confirmation names no
        // group; confirmed, the admin is back on the list, which no longer has C.
        browser.click(rowId(c, "open")).waitForUrl("/domain/users/user.xhtml");
        browser.click("groupsForm:deleteUser");
        browser.id("deleteUserForm:confirm");
        assertThat(browser.all("[id='deleteUserForm:leftEmpty']")).isEmpty();
        browser.submit("deleteUserForm:confirm").waitForUrl("/domain/users/list.xhtml");
        browser.waitForText("Пользователь «" + c + "» удалён.");
        search(t);
        // The search re-renders the table: read it until it shows A and B without C and D.
        browser.act(
                x -> {
                    List<String> shown = names();
                    return shown.containsAll(List.of(a, b))
                                    && !shown.contains(c)
                                    && !shown.contains(d)
                            ? Boolean.TRUE
                            : null;
                });
        // Now B is «Гамма»'s last member: their page's confirmation says so.
        browser.click(rowId(b, "open")).waitForUrl("/domain/users/user.xhtml");
        browser.click("groupsForm:deleteUser");
        assertThat(browser.id("deleteUserForm:leftEmpty").getText()).contains("«" + gamma + "»");
        browser.click("deleteUserForm:cancel");
    }

    private void search(String text) {
        browser.type("usersForm:search", text);
        browser.waitForAjax();
    }

    /** The users' display names in the order the table shows them. */
    private List<String> names() {
        return browser.all("[id='usersForm:users_data'] > tr").stream()
                .map(
                        tr -> {
                            List<WebElement> open =
                                    tr.findElements(By.cssSelector("a[id$=':open']"));
                            return open.isEmpty() ? "" : open.get(0).getText();
                        })
                .toList();
    }

    private String rowId(String name, String control) {
        int index = browser.act(x -> names().contains(name) ? names().indexOf(name) : null);
        return "usersForm:users:" + index + ":" + control;
    }

    /** Waits until the user's row shows exactly these groups (their chips, space-separated). */
    private void awaitGroups(String user, String groups) {
        try {
            browser.act(x -> groupsShown(user).equals(groups) ? Boolean.TRUE : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(groupsShown(user)).as("groups of %s", user).isEqualTo(groups);
        }
    }

    private String groupsShown(String user) {
        return browser.driver()
                .findElement(By.id(rowId(user, "callGroups")))
                .getText()
                .strip()
                .replaceAll("\\s+", " ");
    }

    private List<String> chips() {
        return browser.all("[id='groupsForm'] .vpbx-chip a").stream()
                .map(WebElement::getText)
                .toList();
    }

    private void awaitChips(String... expected) {
        try {
            browser.act(x -> chips().equals(List.of(expected)) ? Boolean.TRUE : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(chips()).containsExactly(expected);
        }
    }

    private String chipId(String group) {
        int index = chips().indexOf(group);
        assertThat(index).as("chip %s in %s", group, chips()).isNotNegative();
        return "groupsForm:chips:" + index + ":leave";
    }
}
