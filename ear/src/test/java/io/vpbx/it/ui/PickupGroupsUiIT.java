package io.vpbx.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.BrowserIT;
import io.vpbx.it.support.Consoles;
import io.vpbx.it.support.DemoLogins;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Names;
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
 * Pickup groups in a real browser (spec B BR-1, BR-8, BR-29, AT-21..AT-23): the demo domain's admin
 * creates a group with two members in the «Новая группа перехвата» dialog and sees the tree (the
 * group first, its members beneath, then «Без группы»), then moves one member to another group and
 * the other to «Без группы» with the bulk bar; a fresh page shows the same tree, read back from the
 * database; a group collapses on its name, is renamed with its pencil and deleted with its bin, its
 * user staying in no group.
 */
@ExtendWith(ArquillianExtension.class)
class PickupGroupsUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @Test
    void aGroupCreatedWithTwoMembersHeadsTheTreeAndTheBulkBarMovesUsersBetweenGroups() {
        DemoLogins demo = DemoLogins.read();
        String token = Names.token();
        String one = "Перехват Один " + token;
        String two = "Перехват Два " + token;
        String three = "Перехват Три " + token;
        String group = "Группа " + token;
        String second = "Вторая " + token;
        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.click("menuUsers").waitForUrl("/domain/users/list.xhtml");
        createUser(one, "pa" + token);
        createUser(two, "pb" + token);
        createUser(three, "pc" + token);

        browser.click("usersForm:newPickupGroup");
        assertThat(browser.id("pickupGroupForm:pickupCodeLine").getText())
                .matches("Номер перехвата в домене: \\*[0-9]{1,3}\\.\\s*Изменить");
        assertThat(browser.id("pickupGroupForm:create").isEnabled()).isFalse();
        browser.type("pickupGroupForm:name", group);
        browser.type("pickupGroupForm:memberSearch", token);
        addMember(one);
        addMember(two);
        assertThat(browser.find("[id='pickupGroupForm:members']").getText())
                .contains(one)
                .contains(two)
                .doesNotContain(three);
        browser.click("pickupGroupForm:create")
                .waitForText("Группа перехвата «" + group + "» создана, участников: 2.");

        search(token);
        awaitTree(group + " (2)", two, one, "Без группы (1)", three);

        // A second, empty group, then the bulk bar: «Один» into it, «Два» into no group.
        browser.click("usersForm:newPickupGroup");
        browser.type("pickupGroupForm:name", second);
        browser.click("pickupGroupForm:create")
                .waitForText("Группа перехвата «" + second + "» создана, участников: 0.");
        awaitTree(group + " (2)", two, one, "Без группы (1)", three);

        moveTo(one, second);
        awaitTree(second + " (1)", one, group + " (1)", two, "Без группы (1)", three);
        moveTo(two, "Без группы");
        awaitTree(second + " (1)", one, "Без группы (2)", two, three);

        // A fresh page reads the same tree back from the database.
        browser.go("/domain/users/list.xhtml");
        search(token);
        awaitTree(second + " (1)", one, "Без группы (2)", two, three);

        // Clicking the group's name collapses it; its header stays.
        browser.click(rowId(second + " (1)", "toggle"));
        awaitTree(second + " (1)", "Без группы (2)", two, three);

        // The pencil renames the group (it stays collapsed); the bin deletes it and its user stays.
        String third = "Третья " + token;
        browser.click(rowId(second + " (1)", "renameGroup"));
        browser.type("renameGroupForm:groupName", third);
        browser.click("renameGroupForm:rename")
                .waitForText("Группа перехвата переименована: «" + third + "».");
        awaitTree(third + " (1)", "Без группы (2)", two, three);
        browser.click(rowId(third + " (1)", "deleteGroup"));
        assertThat(browser.id("deleteGroupForm").getText()).contains("«" + third + "»");
        browser.click("deleteGroupForm:confirm")
                .waitForText(
                        "Группа перехвата «"
                                + third
                                + "» удалена; её пользователи (1) теперь без группы.");
        // No group is left to show, so the users in no group need no header.
        awaitTree(two, one, three);
    }

    private void createUser(String name, String login) {
        browser.click("usersForm:newUser");
        browser.type("createForm:displayName", name)
                .type("createForm:login", login)
                .click("createForm:generate")
                .waitForAjax();
        browser.click("createForm:create").waitForText("Пользователь " + login + " создан");
    }

    private void addMember(String name) {
        browser.act(
                d -> {
                    WebElement link =
                            d.findElement(
                                    By.xpath(
                                            "//*[@id='pickupGroupForm:candidates']//a[contains(.,'"
                                                    + name
                                                    + "')]"));
                    link.click();
                    return link;
                });
        browser.waitForAjax();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(
                        d ->
                                d.findElement(By.id("pickupGroupForm:members"))
                                        .getText()
                                        .contains(name));
    }

    private void search(String text) {
        browser.type("usersForm:search", text);
        browser.waitForAjax();
    }

    /** The tree's rows, each as its header («name (count)») or user's display name. */
    private List<String> tree() {
        return browser.all("[id='usersForm:users_data'] > tr").stream()
                .map(
                        tr -> {
                            List<WebElement> header =
                                    tr.findElements(By.cssSelector("a[id$=':toggle']"));
                            if (!header.isEmpty()) {
                                return header.get(0).getText().strip()
                                        + " "
                                        + tr.findElement(By.cssSelector(".vpbx-group-count"))
                                                .getText()
                                                .strip();
                            }
                            return tr.findElement(By.cssSelector("a[id$=':open']")).getText();
                        })
                .toList();
    }

    private void awaitTree(String... rows) {
        List<String> expected = List.of(rows);
        try {
            browser.act(d -> tree().equals(expected) ? Boolean.TRUE : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(tree()).containsExactlyElementsOf(expected);
        }
    }

    /** The id of a control in the row showing {@code text} (a header or a user's name). */
    private String rowId(String text, String control) {
        List<String> rows = tree();
        int index = rows.indexOf(text);
        assertThat(index).as("row %s in %s", text, rows).isNotNegative();
        return "usersForm:users:" + index + ":" + control;
    }

    private void moveTo(String user, String target) {
        Consoles.check(browser, rowId(user, "select"), true);
        assertThat(browser.id("selectedCounter").getText()).startsWith("Выбрано 1 из ");
        Consoles.choose(browser, "usersForm:moveTarget", target);
        browser.click("usersForm:moveSelected").waitForText("Перенесено пользователей: 1.");
    }
}
