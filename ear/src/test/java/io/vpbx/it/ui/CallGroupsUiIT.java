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
 * Call groups in a real browser (spec C S1–S3.1): the demo domain's admin creates a group with two
 * members in «Новая группа» and lands on its page; the list shows the composition line with its
 * Russian plural; a second group with the same name in another case is refused next to the name; on
 * the group page the admin renames it and changes the algorithm, makes one member an operator (the
 * counts change), removes the other with the bulk bar, adds a third through «Добавить участников»,
 * and finally deletes the group after its confirmation, its members staying users.
 */
@ExtendWith(ArquillianExtension.class)
class CallGroupsUiIT extends BrowserIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @Test
    void aGroupIsCreatedWithTwoMembersEditedOnItsPageAndDeleted() {
        DemoLogins demo = DemoLogins.read();
        String token = Names.token();
        String anna = "Анна Группа " + token;
        String boris = "Борис Группа " + token;
        String vera = "Вера Группа " + token;
        String group = "Продажи " + token;
        String renamed = "Отдел продаж " + token;
        Consoles.loginDomain(
                browser, demo.domainName(), demo.domainAdminLogin(), demo.domainAdminPassword());
        browser.click("menuUsers").waitForUrl("/domain/users/list.xhtml");
        createUser(anna, "ga" + token);
        createUser(boris, "gb" + token);
        createUser(vera, "gc" + token);

        browser.click("menuCallGroups").waitForUrl("/domain/groups/list.xhtml");
        assertThat(browser.id("groupsHelp").getText())
                .isEqualTo(
                        "Группы обработки вызовов позволяют нескольким пользователям одновременно"
                                + " принимать звонки и создавать голосовые очереди.");

        // «Новая группа»: «Создать» waits for the name; the extension is proposed; two members.
        browser.click("groupsForm:newGroup");
        assertThat(browser.id("callGroupForm:create").isEnabled()).isFalse();
        assertThat(browser.id("callGroupForm:extension").getAttribute("value"))
                .matches("[0-9]{1,5}");
        assertThat(browser.id("callGroupForm:algorithm_label").getText()).isEqualTo("Не задан");
        browser.type("callGroupForm:name", group);
        browser.type("callGroupForm:memberSearch", token);
        pick("callGroupForm", "candidates", "members", anna);
        pick("callGroupForm", "candidates", "members", boris);
        assertThat(browser.find("[id='callGroupForm:members']").getText())
                .contains(anna)
                .contains(boris)
                .doesNotContain(vera);
        browser.click("callGroupForm:create").waitForUrl("/domain/groups/group.xhtml?id=");
        browser.waitForText("Состав группы");
        assertThat(browser.find("h1").getText()).isEqualTo(group);
        awaitCounts("0 операторов, 2 пользователя");
        assertThat(members()).containsExactly(anna, boris);
        assertThat(browser.id("membersForm:members:0:otherGroups").getText())
                .isEqualTo("Нет прочих групп");

        // The list: the card with its algorithm label and composition line.
        browser.click("back").waitForUrl("/domain/groups/list.xhtml");
        assertThat(card(group, "vpbx-callgroup-algorithm"))
                .isEqualTo("Направление вызовов не задано");
        assertThat(card(group, "vpbx-callgroup-composition"))
                .isEqualTo("2 пользователя: " + anna + ", " + boris);

        // The same name in capitals is refused next to the name, and nothing is created.
        browser.click("groupsForm:newGroup");
        browser.type("callGroupForm:name", group.toUpperCase());
        browser.click("callGroupForm:create").waitForText("Группа с таким названием уже есть.");
        assertThat(browser.id("callGroupForm:name").getAttribute("value"))
                .isEqualTo(group.toUpperCase());
        browser.click("callGroupForm:cancel");
        browser.go("/domain/groups/list.xhtml");
        assertThat(browser.all("a").stream().filter(a -> a.getText().equals(group.toUpperCase())))
                .isEmpty();

        // The page: rename and change the algorithm.
        openGroup(group);
        browser.type("groupForm:name", renamed);
        Consoles.choose(browser, "groupForm:algorithm", "Всем пользователям одновременно");
        browser.click("groupForm:save").waitForText("Изменения сохранены.");
        browser.go(currentPath());
        assertThat(browser.find("h1").getText()).isEqualTo(renamed);
        assertThat(browser.id("groupForm:algorithm_label").getText())
                .isEqualTo("Всем пользователям одновременно");

        // «Сделать оператором» on Анна: the counts change and her tag says so.
        browser.click("membersForm:members:0:makeOperator")
                .waitForText(anna + " теперь оператор контакт-центра.");
        awaitCounts("1 оператор, 1 пользователь");
        assertThat(browser.id("membersForm:members:0:operatorTag").getText()).isEqualTo("оператор");

        // The bulk bar switches recording on for both, then removes Борис from the group.
        Consoles.check(browser, "membersForm:members:0:select", true);
        Consoles.check(browser, "membersForm:members:1:select", true);
        browser.click("membersForm:recordSelected")
                .waitForText("Запись разговоров включена пользователям: 2.");
        Consoles.check(browser, "membersForm:members:1:select", true);
        assertThat(browser.id("membersForm:selectedCounter").getText()).isEqualTo("Выбрано: 1");
        browser.click("membersForm:removeSelected").waitForText("Удалено из группы: 1.");
        awaitCounts("1 оператор, 0 пользователей");
        assertThat(members()).containsExactly(anna);

        // «Добавить участников»: Вера moves right, and only «Сохранить» applies it.
        browser.click("membersForm:addMembers");
        browser.type("addMembersForm:memberSearch", token);
        pick("addMembersForm", "candidates", "chosen", vera);
        assertThat(members()).containsExactly(anna);
        browser.click("addMembersForm:save").waitForText("Состав группы сохранён, участников: 2.");
        awaitCounts("1 оператор, 1 пользователь");
        assertThat(members()).containsExactly(anna, vera);

        browser.click("back").waitForUrl("/domain/groups/list.xhtml");
        assertThat(card(renamed, "vpbx-callgroup-algorithm"))
                .isEqualTo("Направление вызовов: всем пользователям");
        assertThat(card(renamed, "vpbx-callgroup-composition"))
                .isEqualTo("1 пользователь, 1 оператор: " + anna + ", " + vera);

        // «Удалить группу» asks first; the members stay users.
        openGroup(renamed);
        browser.click("deleteGroup");
        assertThat(browser.id("deleteForm:question").getText())
                .isEqualTo(
                        "Удалить группу «"
                                + renamed
                                + "»? Её участники останутся пользователями домена.");
        browser.click("deleteForm:confirm").waitForUrl("/domain/groups/list.xhtml");
        browser.waitForText(
                "Группа «"
                        + renamed
                        + "» удалена; её участники (2) остались пользователями домена.");
        assertThat(browser.all("a").stream().filter(a -> a.getText().equals(renamed))).isEmpty();
        browser.click("menuUsers").waitForUrl("/domain/users/list.xhtml");
        browser.type("usersForm:search", token);
        browser.waitForAjax();
        browser.waitForText(anna).waitForText(boris).waitForText(vera);
    }

    private void createUser(String name, String login) {
        browser.click("usersForm:newUser");
        browser.type("createForm:displayName", name)
                .type("createForm:login", login)
                .click("createForm:generate")
                .waitForAjax();
        browser.click("createForm:create").waitForText("Пользователь " + login + " создан");
    }

    /** Clicks a user in the left list of a picker and waits until they are in the right one. */
    private void pick(String form, String left, String right, String name) {
        browser.act(
                d -> {
                    WebElement link =
                            d.findElement(
                                    By.xpath(
                                            "//*[@id='"
                                                    + form
                                                    + ":"
                                                    + left
                                                    + "']//a[contains(.,'"
                                                    + name
                                                    + "')]"));
                    link.click();
                    return link;
                });
        browser.waitForAjax();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id(form + ":" + right)).getText().contains(name));
    }

    /** The text of a part of the list's card of the group. */
    private String card(String group, String part) {
        return browser.xpath(
                        // The card itself, not the list of cards around it.
                        "//div[contains(concat(' ', normalize-space(@class), ' '), ' vpbx-card ')]"
                                + "[.//a[normalize-space()='"
                                + group
                                + "']]//*[contains(@class,'"
                                + part
                                + "')]")
                .getText();
    }

    private void openGroup(String group) {
        browser.go("/domain/groups/list.xhtml");
        browser.act(
                d -> {
                    WebElement link =
                            d.findElement(By.xpath("//a[normalize-space()='" + group + "']"));
                    link.click();
                    return link;
                });
        browser.waitForUrl("/domain/groups/group.xhtml?id=");
        browser.waitForText("Состав группы");
    }

    private String currentPath() {
        String url = browser.driver().getCurrentUrl();
        return url.substring(url.indexOf("/domain/groups/"));
    }

    private void awaitCounts(String counts) {
        browser.act(
                d ->
                        counts.equals(d.findElement(By.id("membersForm:counts")).getText())
                                ? Boolean.TRUE
                                : null);
    }

    /** The members' names in the table, in order. */
    private List<String> members() {
        return browser.all("[id='membersForm:members_data'] a[id$=':user']").stream()
                .map(WebElement::getText)
                .toList();
    }
}
