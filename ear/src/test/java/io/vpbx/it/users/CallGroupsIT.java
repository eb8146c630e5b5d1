package io.vpbx.it.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.groups.CallGroupDetails;
import io.vpbx.application.groups.CallGroupMemberRow;
import io.vpbx.application.groups.CallGroupRef;
import io.vpbx.application.groups.CallGroupRow;
import io.vpbx.application.groups.CallGroupSettings;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.UserChanges;
import io.vpbx.application.users.UserDetails;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Names;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.groups.DistributionAlgorithm;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call groups (spec C S1–S3.1, BR-A1..A5, BR-H1..H9; spec B BR-7, BR-32, BR-34) through {@link
 * CallGroupsService} on MariaDB: names are unique in the domain in any letter case, one numbering
 * plan holds users' and groups' extensions, a stale page's save is refused, membership operations
 * give exact results, deleting a group keeps its users, another domain's groups and users are
 * refused with nothing changed, and every change is in the action history with before and after.
 */
@ExtendWith(ArquillianExtension.class)
class CallGroupsIT {
    private static final String PASSWORD = "abc123";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(CallGroupsIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;
    @Inject private CallGroupsService groups;
    @Inject private ActionHistoryService history;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    private long newUser(LoginResult admin, String name) throws Exception {
        String login = "cg" + Names.token();
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

    private UserDetails user(LoginResult admin, long userId) throws Exception {
        return Identities.as(admin, () -> users.userDetails(userId));
    }

    private String login(LoginResult admin, long userId) throws Exception {
        return user(admin, userId).login();
    }

    private CallGroupRow row(LoginResult admin, long groupId) throws Exception {
        return Identities.as(admin, () -> groups.listGroups()).stream()
                .filter(g -> g.id() == groupId)
                .findFirst()
                .orElseThrow();
    }

    private CallGroupDetails details(LoginResult admin, long groupId) throws Exception {
        return Identities.as(admin, () -> groups.group(groupId));
    }

    private List<Long> memberIds(LoginResult admin, long groupId) throws Exception {
        return details(admin, groupId).members().stream()
                .map(CallGroupMemberRow::userId)
                .sorted()
                .toList();
    }

    private long create(LoginResult admin, String name, List<Long> members) throws Exception {
        return Identities.as(
                admin,
                () ->
                        groups.createGroup(
                                new CallGroupSettings(
                                        name, null, DistributionAlgorithm.ALL_SIMULTANEOUS),
                                members));
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
    void aGroupIsCreatedWithItsMembersAndRecordedAndItsNameIsUniqueInAnyLetterCase()
            throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long boris = newUser(admin, "Борис Группов");
        long anna = newUser(admin, "Анна Группова");
        String name = "Продажи " + Names.token();
        String extension = Identities.as(admin, () -> groups.nextFreeExtension());

        long id =
                Identities.as(
                        admin,
                        () ->
                                groups.createGroup(
                                        new CallGroupSettings(
                                                name,
                                                extension,
                                                DistributionAlgorithm.ALL_SIMULTANEOUS),
                                        List.of(boris, anna)));

        assertThat(row(admin, id))
                .isEqualTo(
                        new CallGroupRow(
                                id,
                                name,
                                extension,
                                DistributionAlgorithm.ALL_SIMULTANEOUS,
                                2,
                                0,
                                List.of("Анна Группова", "Борис Группов")));
        CallGroupDetails page = details(admin, id);
        assertThat(page.name()).isEqualTo(name);
        assertThat(page.extension()).isEqualTo(extension);
        assertThat(page.members())
                .extracting(CallGroupMemberRow::displayName, CallGroupMemberRow::priority)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Анна Группова", 10),
                        org.assertj.core.groups.Tuple.tuple("Борис Группов", 10));
        assertThat(page.members()).allMatch(m -> m.otherGroups().isEmpty() && !m.operator());
        assertThat(changesOf(admin, AuditObjectType.CALL_GROUP, name, AuditAction.ADD))
                .containsExactly(
                        "[{\"field\":\"name\",\"before\":null,\"after\":\""
                                + name
                                + "\"},{\"field\":\"extension\",\"before\":null,\"after\":\""
                                + extension
                                + "\"},{\"field\":\"algorithm\",\"before\":null,"
                                + "\"after\":\"ALL_SIMULTANEOUS\"}]");
        assertThat(changesOf(admin, AuditObjectType.CALL_GROUP, name, AuditAction.EDIT))
                .containsExactly(
                        "[{\"field\":\"members\",\"before\":null,\"after\":\""
                                + login(admin, anna)
                                + ", "
                                + login(admin, boris)
                                + "\"}]");

        int before = Identities.as(admin, () -> groups.listGroups()).size();
        assertRefused(
                () -> groups.createGroup(settings(name.toUpperCase(), null), List.of()),
                admin,
                "error.callGroup.nameTaken");
        assertRefused(
                () -> groups.createGroup(settings("  ", null), List.of()),
                admin,
                "error.field.required");
        assertRefused(
                () -> groups.createGroup(settings("x".repeat(65), null), List.of()),
                admin,
                "error.field.tooLong");
        assertThat(Identities.as(admin, () -> groups.listGroups())).hasSize(before);

        // Renaming another group to the name in another case is refused too.
        long other = create(admin, "Другая " + Names.token(), List.of());
        long version = details(admin, other).version();
        assertRefused(
                () ->
                        groups.changeGroup(
                                other,
                                version,
                                new CallGroupSettings(
                                        name.toLowerCase(),
                                        details(admin, other).extension(),
                                        DistributionAlgorithm.NOT_SET)),
                admin,
                "error.callGroup.nameTaken");
        assertThat(details(admin, other).name()).startsWith("Другая ");
    }

    @Test
    void oneNumberingPlanHoldsUsersAndGroupsExtensions() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long user = newUser(admin, "Владимир Номеров");
        String userExtension = user(admin, user).extension();
        int before = Identities.as(admin, () -> groups.listGroups()).size();

        // A group cannot take a user's extension, nor another group's, nor a malformed one.
        assertRefused(
                () ->
                        groups.createGroup(
                                settings("Занятая " + Names.token(), userExtension), List.of()),
                admin,
                "error.extension.taken");
        for (String bad : List.of("12a", "123456", "+7")) {
            assertRefused(
                    () -> groups.createGroup(settings("Кривая " + Names.token(), bad), List.of()),
                    admin,
                    "error.extension.invalid");
        }
        assertThat(Identities.as(admin, () -> groups.listGroups())).hasSize(before);

        String free = Identities.as(admin, () -> groups.nextFreeExtension());
        assertThat(Identities.as(admin, () -> users.nextFreeExtension())).isEqualTo(free);
        long group =
                Identities.as(
                        admin,
                        () ->
                                groups.createGroup(
                                        settings("Номерная " + Names.token(), free), List.of()));
        assertThat(row(admin, group).extension()).isEqualTo(free);
        assertRefused(
                () -> groups.createGroup(settings("Вторая " + Names.token(), free), List.of()),
                admin,
                "error.extension.taken");

        // The next free extension skips the group's (and the user's), for users and groups alike.
        String next = Identities.as(admin, () -> groups.nextFreeExtension());
        assertThat(next).isNotEqualTo(free).isNotEqualTo(userExtension);
        assertThat(Integer.parseInt(next)).isGreaterThan(Integer.parseInt(free));
        assertThat(Identities.as(admin, () -> users.nextFreeExtension())).isEqualTo(next);

        // A user can take neither as a new user nor by a change the group's extension.
        long users0 = Identities.as(admin, () -> users.countAllUsers());
        assertRefused(
                () ->
                        users.createUser(
                                new NewDomainUser(
                                        free,
                                        "Захватчик Номера",
                                        "cg" + Names.token(),
                                        null,
                                        null,
                                        PASSWORD,
                                        false,
                                        false)),
                admin,
                "error.extension.taken");
        assertThat(Identities.as(admin, () -> users.countAllUsers())).isEqualTo(users0);
        UserDetails d = user(admin, user);
        assertRefused(
                () ->
                        users.changeUser(
                                user,
                                new UserChanges(
                                        d.version(),
                                        d.displayName(),
                                        free,
                                        d.jobTitle(),
                                        d.email(),
                                        d.recordCalls(),
                                        d.admin(),
                                        d.voicemailToEmail(),
                                        d.operator(),
                                        d.outgoingRestriction(),
                                        d.absentFrom(),
                                        d.absentUntil(),
                                        d.greetingId(),
                                        d.ringbackId(),
                                        d.musicOnHoldId())),
                admin,
                "error.extension.taken");
        assertThat(user(admin, user).extension()).isEqualTo(userExtension);

        // A group keeps its own extension when saved; it can move to a free one.
        long version = details(admin, group).version();
        Identities.run(
                admin,
                () ->
                        groups.changeGroup(
                                group,
                                version,
                                new CallGroupSettings(
                                        row(admin, group).name(),
                                        free,
                                        DistributionAlgorithm.NOT_SET)));
        assertThat(details(admin, group).algorithm()).isEqualTo(DistributionAlgorithm.NOT_SET);
        assertRefused(
                () ->
                        groups.changeGroup(
                                group,
                                details(admin, group).version(),
                                new CallGroupSettings(
                                        row(admin, group).name(),
                                        userExtension,
                                        DistributionAlgorithm.NOT_SET)),
                admin,
                "error.extension.taken");
        assertThat(details(admin, group).extension()).isEqualTo(free);
    }

    @Test
    void aSaveFromAStalePageIsRefusedAndTheChangeIsRecordedWithBeforeAndAfter() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        String name = "Поддержка " + Names.token();
        long id = create(admin, name, List.of());
        CallGroupDetails loaded = details(admin, id);
        String extension = loaded.extension();
        String renamed = "Сервис " + Names.token();

        Identities.run(
                admin,
                () ->
                        groups.changeGroup(
                                id,
                                loaded.version(),
                                new CallGroupSettings(
                                        renamed, extension, DistributionAlgorithm.NOT_SET)));

        CallGroupDetails saved = details(admin, id);
        assertThat(saved.name()).isEqualTo(renamed);
        assertThat(saved.algorithm()).isEqualTo(DistributionAlgorithm.NOT_SET);
        assertThat(saved.version()).isGreaterThan(loaded.version());
        assertThat(changesOf(admin, AuditObjectType.CALL_GROUP, renamed, AuditAction.EDIT))
                .containsExactly(
                        "[{\"field\":\"name\",\"before\":\""
                                + name
                                + "\",\"after\":\""
                                + renamed
                                + "\"},{\"field\":\"algorithm\",\"before\":\"ALL_SIMULTANEOUS\","
                                + "\"after\":\"NOT_SET\"}]");

        // A second admin's page still holds the first version: its save is refused.
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        admin,
                                        () ->
                                                groups.changeGroup(
                                                        id,
                                                        loaded.version(),
                                                        new CallGroupSettings(
                                                                "Третье " + Names.token(),
                                                                extension,
                                                                DistributionAlgorithm
                                                                        .ALL_SIMULTANEOUS))))
                .isInstanceOf(ConcurrentEdit.class);
        assertThat(details(admin, id).name()).isEqualTo(renamed);
        assertThat(details(admin, id).algorithm()).isEqualTo(DistributionAlgorithm.NOT_SET);
    }

    @Test
    void membersAreSetRemovedMadeOperatorsAndPrioritisedExactly() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long anna = newUser(admin, "Анна Состав");
        long boris = newUser(admin, "Борис Состав");
        long vera = newUser(admin, "Вера Состав");
        String name = "Состав " + Names.token();
        long id = create(admin, name, List.of(anna));
        long elsewhere = create(admin, "Прочая " + Names.token(), List.of(boris));

        Identities.run(admin, () -> groups.setMembers(id, List.of(boris, vera)));
        assertThat(memberIds(admin, id)).containsExactlyElementsOf(sorted(boris, vera));
        assertThat(changesOf(admin, AuditObjectType.CALL_GROUP, name, AuditAction.EDIT).get(0))
                .isEqualTo(
                        "[{\"field\":\"members\",\"before\":\""
                                + login(admin, anna)
                                + "\",\"after\":\""
                                + login(admin, boris)
                                + ", "
                                + login(admin, vera)
                                + "\"}]");
        // Boris's tag names his other group; Vera has «Нет прочих групп» (an empty list).
        CallGroupDetails page = details(admin, id);
        assertThat(page.members())
                .filteredOn(m -> m.userId() == boris)
                .singleElement()
                .satisfies(
                        m ->
                                assertThat(m.otherGroups())
                                        .containsExactly(row(admin, elsewhere).name()));
        assertThat(page.members())
                .filteredOn(m -> m.userId() == vera)
                .singleElement()
                .satisfies(m -> assertThat(m.otherGroups()).isEmpty());

        // The same members again: nothing changes, nothing is recorded.
        int entries = changesOf(admin, AuditObjectType.CALL_GROUP, name, AuditAction.EDIT).size();
        Identities.run(admin, () -> groups.setMembers(id, List.of(vera, boris)));
        assertThat(changesOf(admin, AuditObjectType.CALL_GROUP, name, AuditAction.EDIT))
                .hasSize(entries);

        // Make operators: only members; a second time changes nobody.
        assertThat(Identities.as(admin, () -> groups.makeOperators(id, List.of(vera))))
                .isEqualTo(1);
        assertThat(user(admin, vera).operator()).isTrue();
        assertThat(user(admin, boris).operator()).isFalse();
        assertThat(Identities.as(admin, () -> groups.makeOperators(id, List.of(vera, boris))))
                .isEqualTo(1);
        assertThat(Identities.as(admin, () -> groups.makeOperators(id, List.of(vera, boris))))
                .isZero();
        assertThat(
                        changesOf(
                                admin,
                                AuditObjectType.DOMAIN_USER,
                                login(admin, vera),
                                AuditAction.EDIT))
                .containsExactly(
                        "[{\"field\":\"operator\",\"before\":\"false\",\"after\":\"true\"}]");
        assertThatThrownBy(
                        () -> Identities.as(admin, () -> groups.makeOperators(id, List.of(anna))))
                .isInstanceOf(NotFound.class);
        assertThat(user(admin, anna).operator()).isFalse();
        assertThat(row(admin, id).users()).isZero();
        assertThat(row(admin, id).operators()).isEqualTo(2);

        // «Включить запись разговоров»: members only, each change recorded once.
        assertThat(Identities.as(admin, () -> groups.recordCalls(id, List.of(vera, boris))))
                .isEqualTo(2);
        assertThat(Identities.as(admin, () -> groups.recordCalls(id, List.of(vera)))).isZero();
        assertThat(user(admin, vera).recordCalls()).isTrue();
        assertThat(user(admin, boris).recordCalls()).isTrue();
        assertThatThrownBy(() -> Identities.as(admin, () -> groups.recordCalls(id, List.of(anna))))
                .isInstanceOf(NotFound.class);
        assertThat(user(admin, anna).recordCalls()).isFalse();
        assertThat(
                        changesOf(
                                admin,
                                AuditObjectType.DOMAIN_USER,
                                login(admin, boris),
                                AuditAction.EDIT))
                .contains("[{\"field\":\"recordCalls\",\"before\":\"false\",\"after\":\"true\"}]");

        // Priority 1–999, recorded.
        Identities.run(admin, () -> groups.prioritise(id, vera, 5));
        assertThat(details(admin, id).members())
                .filteredOn(m -> m.userId() == vera)
                .extracting(CallGroupMemberRow::priority)
                .containsExactly(5);
        assertRefused(() -> groups.prioritise(id, vera, 0), admin, "error.callGroup.priority");
        assertRefused(() -> groups.prioritise(id, vera, 1000), admin, "error.callGroup.priority");
        assertThat(changesOf(admin, AuditObjectType.CALL_GROUP, name, AuditAction.EDIT).get(0))
                .isEqualTo(
                        "[{\"field\":\"priority\",\"before\":\""
                                + login(admin, vera)
                                + ": 10\",\"after\":\""
                                + login(admin, vera)
                                + ": 5\"}]");

        // Remove from group: counts only those who were members; they stay users.
        assertThat(Identities.as(admin, () -> groups.removeMembers(id, List.of(boris, anna))))
                .isEqualTo(1);
        assertThat(memberIds(admin, id)).containsExactly(vera);
        assertThat(memberIds(admin, elsewhere)).containsExactly(boris);
        assertThat(changesOf(admin, AuditObjectType.CALL_GROUP, name, AuditAction.EDIT).get(0))
                .isEqualTo(
                        "[{\"field\":\"membersLeft\",\"before\":null,\"after\":\""
                                + login(admin, boris)
                                + "\"}]");
        assertRefused(
                () -> groups.removeMembers(id, List.of()),
                admin,
                "error.callGroup.noUsersSelected");

        // An empty member list empties the group.
        Identities.run(admin, () -> groups.setMembers(id, List.of()));
        assertThat(memberIds(admin, id)).isEmpty();
        assertThat(row(admin, id).memberNames()).isEmpty();
    }

    @Test
    void movingUsersReplacesAllTheirGroupsAndTheUserPageSetsThemExactly() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long gleb = newUser(admin, "Глеб Переезд");
        long dina = newUser(admin, "Дина Переезд");
        long first = create(admin, "Первая " + Names.token(), List.of(gleb, dina));
        long second = create(admin, "Вторая " + Names.token(), List.of(gleb));
        long target = create(admin, "Целевая " + Names.token(), List.of());

        // BR-7: «В группу» (the history lists the groups by name: «Вторая» before «Первая») leaves
        // the user in exactly the target group.
        assertThat(Identities.as(admin, () -> groups.moveUsers(List.of(gleb, dina), target)))
                .isEqualTo(2);
        assertThat(Identities.as(admin, () -> groups.groupsOf(gleb)))
                .extracting(CallGroupRef::id)
                .containsExactly(target);
        assertThat(Identities.as(admin, () -> groups.groupsOf(dina)))
                .extracting(CallGroupRef::id)
                .containsExactly(target);
        assertThat(memberIds(admin, first)).isEmpty();
        assertThat(memberIds(admin, second)).isEmpty();
        assertThat(memberIds(admin, target)).containsExactlyElementsOf(sorted(gleb, dina));
        String firstName = row(admin, first).name();
        String secondName = row(admin, second).name();
        String targetName = row(admin, target).name();
        String glebLogin = login(admin, gleb);
        assertThat(
                        changesOf(admin, AuditObjectType.DOMAIN_USER, glebLogin, AuditAction.EDIT)
                                .get(0))
                .isEqualTo(
                        "[{\"field\":\"callGroups\",\"before\":\""
                                + secondName
                                + ", "
                                + firstName
                                + "\",\"after\":\""
                                + targetName
                                + "\"}]");
        // Moving again into the group they are in changes nobody.
        assertThat(Identities.as(admin, () -> groups.moveUsers(List.of(gleb), target))).isZero();

        // The user page's chips: exactly these groups, by name; none takes the user out of all.
        Identities.run(admin, () -> groups.setGroupsOf(gleb, List.of(second, first)));
        assertThat(Identities.as(admin, () -> groups.groupsOf(gleb)))
                .extracting(CallGroupRef::id)
                .containsExactlyInAnyOrder(first, second);
        assertThat(memberIds(admin, target)).containsExactly(dina);
        assertThat(Identities.as(admin, () -> groups.groupsOf(List.of(gleb, dina))))
                .containsOnlyKeys(gleb, dina)
                .hasEntrySatisfying(
                        dina,
                        refs ->
                                assertThat(refs)
                                        .extracting(CallGroupRef::id)
                                        .containsExactly(target));
        Identities.run(admin, () -> groups.setGroupsOf(gleb, List.of()));
        assertThat(Identities.as(admin, () -> groups.groupsOf(gleb))).isEmpty();
        assertThat(
                        changesOf(admin, AuditObjectType.DOMAIN_USER, glebLogin, AuditAction.EDIT)
                                .get(0))
                .startsWith("[{\"field\":\"callGroups\",\"before\":\"")
                .endsWith("\",\"after\":null}]");
    }

    @Test
    void theGroupsLeftEmptyByADeletionAreNamedAndDeletingAGroupKeepsItsUsers() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long egor = newUser(admin, "Егор Последний");
        long zhanna = newUser(admin, "Жанна Остаётся");
        long alone = create(admin, "Одинокая " + Names.token(), List.of(egor));
        long shared = create(admin, "Общая " + Names.token(), List.of(egor, zhanna));

        assertThat(Identities.as(admin, () -> groups.groupsLeftEmptyWithout(List.of(egor))))
                .containsExactly(new CallGroupRef(alone, row(admin, alone).name()));
        assertThat(Identities.as(admin, () -> groups.groupsLeftEmptyWithout(List.of(egor, zhanna))))
                .extracting(CallGroupRef::id)
                .contains(alone, shared);
        assertThat(Identities.as(admin, () -> groups.groupsLeftEmptyWithout(List.of()))).isEmpty();

        String name = row(admin, shared).name();
        String extension = row(admin, shared).extension();
        long before = Identities.as(admin, () -> users.countAllUsers());
        assertThat(Identities.as(admin, () -> groups.deleteGroup(shared))).isEqualTo(2);

        assertThat(Identities.as(admin, () -> groups.listGroups()))
                .noneMatch(g -> g.id() == shared);
        assertThat(Identities.as(admin, () -> users.countAllUsers())).isEqualTo(before);
        assertThat(Identities.as(admin, () -> groups.groupsOf(egor)))
                .extracting(CallGroupRef::id)
                .containsExactly(alone);
        assertThat(Identities.as(admin, () -> groups.groupsOf(zhanna))).isEmpty();
        assertThat(changesOf(admin, AuditObjectType.CALL_GROUP, name, AuditAction.DELETE))
                .containsExactly(
                        "[{\"field\":\"name\",\"before\":\""
                                + name
                                + "\",\"after\":null},{\"field\":\"extension\",\"before\":\""
                                + extension
                                + "\",\"after\":null},{\"field\":\"members\",\"before\":null,"
                                + "\"after\":\""
                                + login(admin, egor)
                                + ", "
                                + login(admin, zhanna)
                                + "\"}]");
        assertRefused(() -> groups.group(shared), admin, "error.callGroup.notFound");
        // Its name and extension are free again.
        Identities.run(admin, () -> groups.createGroup(settings(name, extension), List.of(zhanna)));
    }

    @Test
    void aNewUserJoinsTheChosenGroupsOrNothingIsSaved() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long sales = create(admin, "Продажи " + Names.token(), List.of());
        long support = create(admin, "Поддержка " + Names.token(), List.of());
        long foreign = create(w.adminOf(w.domainB), "Чужая " + Names.token(), List.of());

        String login = "cgnew" + Names.token();
        long created =
                Identities.as(
                        admin,
                        () ->
                                users.createUser(
                                        withGroups(
                                                login,
                                                users.nextFreeExtension(),
                                                List.of(sales, support, sales))));
        assertThat(Identities.as(admin, () -> groups.groupsOf(created)))
                .extracting(CallGroupRef::id)
                .containsExactlyInAnyOrder(sales, support);
        assertThat(memberIds(admin, sales)).containsExactly(created);

        // Another domain's group refuses the whole creation: no user, no membership.
        long before = Identities.as(admin, () -> users.countAllUsers());
        String refused = "cgnot" + Names.token();
        assertRefused(
                () ->
                        users.createUser(
                                withGroups(
                                        refused,
                                        users.nextFreeExtension(),
                                        List.of(support, foreign))),
                admin,
                "error.callGroup.notFound");
        assertThat(Identities.as(admin, () -> users.countAllUsers())).isEqualTo(before);
        assertThat(Identities.as(admin, () -> users.countUsers(refused))).isZero();
        assertThat(memberIds(admin, support)).containsExactly(created);
    }

    private static NewDomainUser withGroups(String login, String extension, List<Long> groupIds) {
        return new NewDomainUser(
                extension,
                "Новый Сотрудник",
                login,
                null,
                null,
                PASSWORD,
                false,
                false,
                false,
                false,
                false,
                null,
                groupIds);
    }

    @Test
    void anotherDomainsGroupsAndUsersAreRefusedAndLeftAlone() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);
        LoginResult adminB = w.adminOf(w.domainB);
        long userA = newUser(adminA, "Чужой Участник");
        String nameA = "Закрытая " + Names.token();
        long groupA = create(adminA, nameA, List.of(userA));
        CallGroupDetails pageA = details(adminA, groupA);
        long userB = newUser(adminB, "Свой Участник");
        long groupB = create(adminB, "Своя " + Names.token(), List.of(userB));
        int groupsOfB = Identities.as(adminB, () -> groups.listGroups()).size();

        assertThat(Identities.as(adminB, () -> groups.listGroups()))
                .extracting(CallGroupRow::id)
                .contains(groupB)
                .doesNotContain(groupA);
        String notFound = "error.callGroup.notFound";
        assertRefused(() -> groups.group(groupA), adminB, notFound);
        assertRefused(
                () ->
                        groups.changeGroup(
                                groupA,
                                pageA.version(),
                                new CallGroupSettings(
                                        "Захвачена",
                                        pageA.extension(),
                                        DistributionAlgorithm.NOT_SET)),
                adminB,
                notFound);
        assertRefused(() -> groups.setMembers(groupA, List.of(userB)), adminB, notFound);
        assertRefused(() -> groups.removeMembers(groupA, List.of(userB)), adminB, notFound);
        assertRefused(() -> groups.makeOperators(groupA, List.of(userB)), adminB, notFound);
        assertRefused(() -> groups.recordCalls(groupA, List.of(userB)), adminB, notFound);
        assertRefused(() -> groups.prioritise(groupA, userA, 1), adminB, notFound);
        assertRefused(() -> groups.moveUsers(List.of(userB), groupA), adminB, notFound);
        assertRefused(() -> groups.setGroupsOf(userB, List.of(groupA)), adminB, notFound);
        assertRefused(() -> groups.deleteGroup(groupA), adminB, notFound);
        for (Callable<?> theirUser :
                List.<Callable<?>>of(
                        () -> {
                            groups.setMembers(groupB, List.of(userB, userA));
                            return null;
                        },
                        () -> groups.removeMembers(groupB, List.of(userA)),
                        () -> groups.makeOperators(groupB, List.of(userA)),
                        () -> groups.moveUsers(List.of(userA), groupB),
                        () -> groups.groupsOf(userA),
                        () -> {
                            groups.setGroupsOf(userA, List.of(groupB));
                            return null;
                        },
                        () ->
                                groups.createGroup(
                                        settings("Похищенная " + Names.token(), null),
                                        List.of(userB, userA)))) {
            assertThatThrownBy(() -> Identities.as(adminB, theirUser)).isInstanceOf(NotFound.class);
        }
        assertThat(Identities.as(adminB, () -> groups.groupsOf(List.of(userA)))).isEmpty();
        // The same name is free in the other domain.
        long sameName = create(adminB, nameA, List.of());

        CallGroupDetails afterA = details(adminA, groupA);
        assertThat(afterA.name()).isEqualTo(nameA);
        assertThat(afterA.version()).isEqualTo(pageA.version());
        assertThat(afterA.members()).extracting(CallGroupMemberRow::userId).containsExactly(userA);
        assertThat(user(adminA, userA).operator()).isFalse();
        assertThat(memberIds(adminB, groupB)).containsExactly(userB);
        assertThat(Identities.as(adminB, () -> groups.listGroups()))
                .extracting(CallGroupRow::id)
                .hasSize(groupsOfB + 1)
                .contains(sameName);
    }

    private static CallGroupSettings settings(String name, String extension) {
        return new CallGroupSettings(name, extension, DistributionAlgorithm.ALL_SIMULTANEOUS);
    }

    private static List<Long> sorted(long... ids) {
        return java.util.Arrays.stream(ids).sorted().boxed().toList();
    }

    private static void assertRefused(Callable<?> work, LoginResult admin, String messageKey) {
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
