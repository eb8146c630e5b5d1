package io.vpbx.it.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.PickupGroupRow;
import io.vpbx.application.users.PickupGroupsService;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserRow;
import io.vpbx.application.users.UserTreeQuery;
import io.vpbx.application.users.UserTreeRow;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Names;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pickup groups (spec B §7.4, BR-27..BR-31) through the use case on MariaDB: names are required and
 * unique in the domain in any letter case, a user is in at most one group, «Без группы» takes users
 * out, deleting a group keeps its users, another domain's groups and users are refused, every
 * change is in the action history with before and after, and the user list is the tree of BR-1.
 */
@ExtendWith(ArquillianExtension.class)
class PickupGroupsIT {
    private static final String PASSWORD = "abc123";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(PickupGroupsIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;
    @Inject private PickupGroupsService pickupGroups;
    @Inject private DomainConsoleService console;
    @Inject private ActionHistoryService history;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    private long newUser(LoginResult admin, String name) throws Exception {
        String login = "pg" + Names.token();
        return Identities.as(
                admin,
                () ->
                        users.createUser(
                                new NewDomainUser(
                                        users.nextFreeExtension(),
                                        name,
                                        login,
                                        null,
                                        null,
                                        PASSWORD,
                                        false,
                                        false)));
    }

    private UserRow row(LoginResult admin, long userId) throws Exception {
        return Identities.as(
                        admin,
                        () ->
                                users.listUsers(
                                        new UserListQuery(
                                                null, UserListQuery.SortKey.NAME, true, 0, 200)))
                .stream()
                .filter(r -> r.userId() == userId)
                .findFirst()
                .orElseThrow();
    }

    private PickupGroupRow group(LoginResult admin, long groupId) throws Exception {
        return Identities.as(admin, () -> pickupGroups.listGroups()).stream()
                .filter(g -> g.id() == groupId)
                .findFirst()
                .orElseThrow();
    }

    private List<String> changesOf(
            LoginResult admin, AuditObjectType type, String object, AuditAction action)
            throws Exception {
        return Identities.as(
                        admin,
                        () ->
                                history.history(
                                        new HistoryFilter(
                                                null, null, null, object, type, action, null),
                                        null,
                                        50))
                .rows()
                .stream()
                .map(HistoryRow::changeData)
                .toList();
    }

    @Test
    void aGroupIsCreatedWithItsMembersRenamedAndItsNameIsUniqueInAnyLetterCase() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long anna = newUser(admin, "Анна Перехватова");
        long boris = newUser(admin, "Борис Перехватов");
        String name = "Бухгалтерия " + Names.token();

        long id = Identities.as(admin, () -> pickupGroups.createGroup(name, List.of(anna, boris)));

        assertThat(group(admin, id)).isEqualTo(new PickupGroupRow(id, name, 2));
        assertThat(row(admin, anna).pickupGroupId()).isEqualTo(id);
        assertThat(row(admin, anna).pickupGroup()).isEqualTo(name);
        assertThat(row(admin, boris).pickupGroupId()).isEqualTo(id);
        String annaLogin = row(admin, anna).login();
        String borisLogin = row(admin, boris).login();
        assertThat(changesOf(admin, AuditObjectType.PICKUP_GROUP, name, AuditAction.ADD))
                .containsExactly(
                        "[{\"field\":\"name\",\"before\":null,\"after\":\""
                                + name
                                + "\"},{\"field\":\"members\",\"before\":null,\"after\":\""
                                + annaLogin
                                + ", "
                                + borisLogin
                                + "\"}]");
        assertThat(changesOf(admin, AuditObjectType.DOMAIN_USER, annaLogin, AuditAction.EDIT))
                .containsExactly(
                        "[{\"field\":\"pickupGroup\",\"before\":null,\"after\":\"" + name + "\"}]");

        assertRefused(
                () -> pickupGroups.createGroup(name.toUpperCase(), List.of()),
                admin,
                "error.pickupGroup.nameTaken");
        assertRefused(
                () -> pickupGroups.createGroup("  ", List.of()), admin, "error.field.required");
        assertRefused(
                () -> pickupGroups.createGroup("x".repeat(65), List.of()),
                admin,
                "error.field.tooLong");

        String renamed = "Расчётный отдел " + Names.token();
        Identities.run(admin, () -> pickupGroups.renameGroup(id, renamed));
        assertThat(group(admin, id)).isEqualTo(new PickupGroupRow(id, renamed, 2));
        assertThat(changesOf(admin, AuditObjectType.PICKUP_GROUP, renamed, AuditAction.EDIT))
                .containsExactly(
                        "[{\"field\":\"name\",\"before\":\""
                                + name
                                + "\",\"after\":\""
                                + renamed
                                + "\"}]");

        long other = Identities.as(admin, () -> pickupGroups.createGroup(name, List.of()));
        assertRefused(
                () -> pickupGroups.renameGroup(other, renamed.toLowerCase()),
                admin,
                "error.pickupGroup.nameTaken");
        assertThat(group(admin, other).name()).isEqualTo(name);
    }

    @Test
    void aUserIsInOneGroupAtATimeAndNoGroupTakesThemOut() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long vera = newUser(admin, "Вера Одна");
        long gleb = newUser(admin, "Глеб Один");
        long first =
                Identities.as(
                        admin,
                        () ->
                                pickupGroups.createGroup(
                                        "Первая " + Names.token(), List.of(vera, gleb)));
        long second =
                Identities.as(
                        admin,
                        () -> pickupGroups.createGroup("Вторая " + Names.token(), List.of(vera)));

        // Creating the second group with Vera moved her out of the first.
        assertThat(row(admin, vera).pickupGroupId()).isEqualTo(second);
        assertThat(group(admin, first).members()).isEqualTo(1);
        assertThat(group(admin, second).members()).isEqualTo(1);

        assertThat(Identities.as(admin, () -> pickupGroups.moveUsers(List.of(gleb), second)))
                .isEqualTo(1);
        assertThat(row(admin, gleb).pickupGroupId()).isEqualTo(second);
        assertThat(group(admin, first).members()).isZero();
        assertThat(group(admin, second).members()).isEqualTo(2);

        // Moving again into the group they are in changes nothing and records nothing.
        String glebLogin = row(admin, gleb).login();
        int entries =
                changesOf(admin, AuditObjectType.DOMAIN_USER, glebLogin, AuditAction.EDIT).size();
        assertThat(Identities.as(admin, () -> pickupGroups.moveUsers(List.of(gleb), second)))
                .isZero();
        assertThat(changesOf(admin, AuditObjectType.DOMAIN_USER, glebLogin, AuditAction.EDIT))
                .hasSize(entries);

        assertThat(Identities.as(admin, () -> pickupGroups.moveUsers(List.of(vera, gleb), null)))
                .isEqualTo(2);
        assertThat(row(admin, vera).pickupGroupId()).isNull();
        assertThat(row(admin, gleb).pickupGroupId()).isNull();
        assertThat(group(admin, second).members()).isZero();
        assertThat(
                        changesOf(admin, AuditObjectType.DOMAIN_USER, glebLogin, AuditAction.EDIT)
                                .get(0))
                .startsWith("[{\"field\":\"pickupGroup\",\"before\":\"Вторая ")
                .endsWith("\",\"after\":null}]");

        assertRefused(
                () -> pickupGroups.moveUsers(List.of(), second),
                admin,
                "error.pickupGroup.noUsersSelected");
    }

    @Test
    void deletingAGroupKeepsItsUsersInNoGroup() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long dina = newUser(admin, "Дина Остаётся");
        long egor = newUser(admin, "Егор Остаётся");
        long before = Identities.as(admin, () -> users.countAllUsers());
        String name = "Удаляемая " + Names.token();
        long id = Identities.as(admin, () -> pickupGroups.createGroup(name, List.of(dina, egor)));

        assertThat(Identities.as(admin, () -> pickupGroups.deleteGroup(id))).isEqualTo(2);

        assertThat(Identities.as(admin, () -> pickupGroups.listGroups()))
                .noneMatch(g -> g.id() == id);
        assertThat(Identities.as(admin, () -> users.countAllUsers())).isEqualTo(before);
        assertThat(row(admin, dina).pickupGroupId()).isNull();
        assertThat(row(admin, egor).pickupGroupId()).isNull();
        assertThat(changesOf(admin, AuditObjectType.PICKUP_GROUP, name, AuditAction.DELETE))
                .containsExactly(
                        "[{\"field\":\"name\",\"before\":\""
                                + name
                                + "\",\"after\":null},{\"field\":\"membersMovedToNoGroup\","
                                + "\"before\":null,\"after\":\""
                                + row(admin, dina).login()
                                + ", "
                                + row(admin, egor).login()
                                + "\"}]");
        assertThat(
                        changesOf(
                                admin,
                                AuditObjectType.DOMAIN_USER,
                                row(admin, dina).login(),
                                AuditAction.EDIT))
                .first()
                .isEqualTo(
                        "[{\"field\":\"pickupGroup\",\"before\":\"" + name + "\",\"after\":null}]");
        // The name is free again.
        Identities.run(admin, () -> pickupGroups.createGroup(name, List.of()));
    }

    @Test
    void anotherDomainsGroupsAndUsersAreRefusedAndLeftAlone() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);
        LoginResult adminB = w.adminOf(w.domainB);
        long userA = newUser(adminA, "Жанна Чужая");
        String nameA = "Закрытая " + Names.token();
        long groupA = Identities.as(adminA, () -> pickupGroups.createGroup(nameA, List.of(userA)));
        long userB = newUser(adminB, "Зиновий Свой");
        long groupB =
                Identities.as(
                        adminB, () -> pickupGroups.createGroup("Своя " + Names.token(), List.of()));

        assertThat(Identities.as(adminB, () -> pickupGroups.listGroups()))
                .extracting(PickupGroupRow::id)
                .containsExactly(groupB);
        assertRefused(
                () -> pickupGroups.moveUsers(List.of(userB), groupA),
                adminB,
                "error.pickupGroup.notFound");
        assertRefused(
                () -> pickupGroups.renameGroup(groupA, "Захвачена"),
                adminB,
                "error.pickupGroup.notFound");
        assertRefused(() -> pickupGroups.deleteGroup(groupA), adminB, "error.pickupGroup.notFound");
        assertThatThrownBy(
                        () ->
                                Identities.as(
                                        adminB,
                                        () -> pickupGroups.moveUsers(List.of(userA), groupB)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () ->
                                Identities.as(
                                        adminB,
                                        () ->
                                                pickupGroups.createGroup(
                                                        "Похищенная " + Names.token(),
                                                        List.of(userB, userA))))
                .isInstanceOf(NotFound.class);
        // The same name is free in another domain.
        Identities.run(adminB, () -> pickupGroups.createGroup(nameA, List.of()));

        assertThat(group(adminA, groupA)).isEqualTo(new PickupGroupRow(groupA, nameA, 1));
        assertThat(row(adminA, userA).pickupGroupId()).isEqualTo(groupA);
        assertThat(row(adminB, userB).pickupGroupId()).isNull();
        assertThat(Identities.as(adminB, () -> pickupGroups.listGroups()))
                .extracting(PickupGroupRow::name)
                .noneMatch(n -> n.startsWith("Похищенная"));
    }

    @Test
    void theUserListIsATreeOfGroupsByNameThenTheUsersInNoGroupPagedAndCollapsible()
            throws Exception {
        // Domain C is used by this test alone, so its whole tree is known.
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainC);
        long boris = newUser(admin, "Борис Б");
        long alla = newUser(admin, "Алла Б");
        long anton = newUser(admin, "Антон А");
        long yana = newUser(admin, "Яна без группы");
        long groupB =
                Identities.as(
                        admin, () -> pickupGroups.createGroup("Б-группа", List.of(boris, alla)));
        long groupA =
                Identities.as(admin, () -> pickupGroups.createGroup("А-группа", List.of(anton)));
        long empty = Identities.as(admin, () -> pickupGroups.createGroup("В-пустая", List.of()));

        UserTreeQuery all = new UserTreeQuery(null, null, true, Set.of(), false, 0, 50);
        assertThat(describe(Identities.as(admin, () -> users.userTree(all))))
                .containsExactly(
                        "g" + groupA + " А-группа (1)",
                        "Антон А",
                        "g" + groupB + " Б-группа (2)",
                        "Алла Б",
                        "Борис Б",
                        "g" + empty + " В-пустая (0)",
                        "n (2)",
                        "Admin of " + w.domainC,
                        "Яна без группы");
        assertThat(Identities.as(admin, () -> users.countTreeRows(all))).isEqualTo(9);

        // A page that starts inside a group continues with the right users.
        UserTreeQuery middle = new UserTreeQuery(null, null, true, Set.of(), false, 4, 3);
        assertThat(describe(Identities.as(admin, () -> users.userTree(middle))))
                .containsExactly("Борис Б", "g" + empty + " В-пустая (0)", "n (2)");

        // Collapsing Б keeps its header with the count; the users after it move up.
        UserTreeQuery collapsed = new UserTreeQuery(null, null, true, Set.of(groupB), true, 0, 50);
        assertThat(describe(Identities.as(admin, () -> users.userTree(collapsed))))
                .containsExactly(
                        "g" + groupA + " А-группа (1)",
                        "Антон А",
                        "g" + groupB + " Б-группа (2) collapsed",
                        "g" + empty + " В-пустая (0)",
                        "n (2) collapsed");
        assertThat(Identities.as(admin, () -> users.countTreeRows(collapsed))).isEqualTo(5);

        // Searching shows only the groups with a match.
        String borisLogin = row(admin, boris).login();
        UserTreeQuery search = new UserTreeQuery(borisLogin, null, true, Set.of(), false, 0, 50);
        assertThat(describe(Identities.as(admin, () -> users.userTree(search))))
                .containsExactly("g" + groupB + " Б-группа (1)", "Борис Б");

        // Without any group shown, the users in no group have no header.
        String yanaLogin = row(admin, yana).login();
        UserTreeQuery alone = new UserTreeQuery(yanaLogin, null, true, Set.of(), false, 0, 50);
        assertThat(describe(Identities.as(admin, () -> users.userTree(alone))))
                .containsExactly("Яна без группы");
    }

    private static List<String> describe(List<UserTreeRow> rows) {
        return rows.stream()
                .map(
                        r ->
                                switch (r.kind()) {
                                    case GROUP ->
                                            r.key()
                                                    + " "
                                                    + r.groupName()
                                                    + " ("
                                                    + r.members()
                                                    + ")"
                                                    + (r.collapsed() ? " collapsed" : "");
                                    case NO_GROUP ->
                                            "n ("
                                                    + r.members()
                                                    + ")"
                                                    + (r.collapsed() ? " collapsed" : "");
                                    case USER -> r.user().displayName();
                                })
                .toList();
    }

    @Test
    void thePickupCodeIsAStarAndUpToThreeDigitsAndItsChangeIsRecorded() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainB);
        assertThat(Identities.as(admin, () -> console.pickupCode())).isEqualTo("*8");

        Identities.run(admin, () -> console.changePickupCode(" *55 "));

        assertThat(Identities.as(admin, () -> console.pickupCode())).isEqualTo("*55");
        assertThat(Identities.as(w.adminOf(w.domainA), () -> console.pickupCode())).isEqualTo("*8");
        assertThat(changesOf(admin, AuditObjectType.DOMAIN, w.domainB, AuditAction.EDIT))
                .contains("[{\"field\":\"pickupCode\",\"before\":\"*8\",\"after\":\"*55\"}]");
        for (String bad : List.of("8", "*", "*1234", "#8", "*8a")) {
            assertRefused(() -> console.changePickupCode(bad), admin, "error.pickupCode.format");
        }
        assertThat(Identities.as(admin, () -> console.pickupCode())).isEqualTo("*55");
    }

    private static void assertRefused(
            java.util.concurrent.Callable<?> work, LoginResult admin, String messageKey) {
        assertThatThrownBy(() -> Identities.as(admin, work))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo(messageKey));
    }

    private static void assertRefused(
            Identities.ThrowingRunnable work, LoginResult admin, String messageKey) {
        assertRefused(
                () -> {
                    work.run();
                    return null;
                },
                admin,
                messageKey);
    }
}
