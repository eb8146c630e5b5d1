package io.vpbx.it.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.application.users.UserChanges;
import io.vpbx.application.users.UserDetails;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserRow;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.OutgoingRestriction;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The domain console's users (spec B §7.1, §7.2, §7.5) through the use case: extensions are
 * allocated from 100 up, bad input is refused with a translated key and saves nothing, a second
 * admin's stale save is refused, deletion takes the SIP number with it, and one domain's admin can
 * neither see nor change another domain's users.
 */
@ExtendWith(ArquillianExtension.class)
class DomainUsersIT {
    private static final String PASSWORD = "abc123";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(DomainUsersIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    private static NewDomainUser user(String extension, String login) {
        return new NewDomainUser(
                extension, "User " + login, login, null, "Engineer", PASSWORD, false, false);
    }

    @Test
    void extensionsAreAllocatedFromOneHundredSkippingTakenOnes() throws Exception {
        // Domain C is used by this test alone, so its extensions are known.
        LoginResult admin = world().adminOf(world().domainC);
        Identities.run(
                admin,
                () -> {
                    assertThat(users.nextFreeExtension()).isEqualTo("100");
                    users.createUser(user("100", "alloc100"));
                    users.createUser(user("102", "alloc102"));
                    assertThat(users.nextFreeExtension()).isEqualTo("101");
                    users.createUser(user(users.nextFreeExtension(), "alloc101"));
                    assertThat(users.nextFreeExtension()).isEqualTo("103");
                });
    }

    @Test
    void eachBadInputIsRefusedWithItsReasonAndSavesNothing() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        Identities.run(admin, () -> users.createUser(user("200", "taken200")));
        long before = Identities.as(admin, () -> users.countAllUsers());

        assertRefused(admin, user("201", "bad login!"), "login", "error.login.invalid");
        assertRefused(admin, user("201", "taken200"), "login", "error.login.taken");
        assertRefused(admin, user("200", "fresh201"), "extension", "error.extension.taken");
        assertRefused(admin, user("123456", "fresh201"), "extension", "error.extension.invalid");
        assertRefused(admin, user("12a", "fresh201"), "extension", "error.extension.invalid");
        assertRefused(
                admin,
                new NewDomainUser("201", " ", "fresh201", null, null, PASSWORD, false, false),
                "displayName",
                "error.field.required");
        assertRefused(
                admin,
                new NewDomainUser(
                        "201", "Fresh", "fresh201", "not-an-email", null, PASSWORD, false, false),
                "email",
                "error.email.invalid");
        assertRefused(
                admin,
                new NewDomainUser("201", "Fresh", "fresh201", null, null, "abc12", false, false),
                "password",
                "error.password.tooShort");
        assertRefused(
                admin,
                new NewDomainUser("201", "Fresh", "fresh201", null, null, "abcdef", false, false),
                "password",
                "error.password.latinAndDigits");

        assertThat(Identities.as(admin, () -> users.countAllUsers())).isEqualTo(before);
        assertThat(Identities.as(admin, () -> users.countUsers("fresh201"))).isZero();
    }

    private void assertRefused(
            LoginResult admin, NewDomainUser request, String field, String messageKey) {
        assertThatThrownBy(() -> Identities.as(admin, () -> users.createUser(request)))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> {
                            assertThat(v.field()).isEqualTo(field);
                            if (messageKey != null) {
                                assertThat(v.messageKey()).isEqualTo(messageKey);
                            }
                        });
    }

    @Test
    void createdUserIsListedSearchedAndSortedByExtensionAsDialled() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long id =
                Identities.as(
                        admin,
                        () ->
                                users.createUser(
                                        new NewDomainUser(
                                                "99",
                                                "Зоя Листова",
                                                "zoya.list",
                                                "zoya@mail.test",
                                                "Бухгалтер",
                                                PASSWORD,
                                                true,
                                                false)));
        Identities.run(admin, () -> users.createUser(user("1000", "list1000")));

        List<UserRow> found =
                Identities.as(
                        admin,
                        () ->
                                users.listUsers(
                                        new UserListQuery(
                                                "листова",
                                                UserListQuery.SortKey.NAME,
                                                true,
                                                0,
                                                50)));
        assertThat(found)
                .containsExactly(
                        new UserRow(
                                id,
                                "99",
                                "Зоя Листова",
                                "zoya.list",
                                "Бухгалтер",
                                "zoya@mail.test",
                                true,
                                0,
                                true,
                                false,
                                null,
                                null,
                                false,
                                OutgoingRestriction.NONE,
                                false));
        assertThat(Identities.as(admin, () -> users.countUsers("zoya"))).isEqualTo(1);
        // Two characters do not filter yet: the whole domain is counted.
        assertThat(Identities.as(admin, () -> users.countUsers("zo")))
                .isEqualTo(Identities.as(admin, () -> users.countAllUsers()));

        List<String> byExtension =
                Identities.as(
                                admin,
                                () ->
                                        users.listUsers(
                                                new UserListQuery(
                                                        null,
                                                        UserListQuery.SortKey.EXTENSION,
                                                        true,
                                                        0,
                                                        200)))
                        .stream()
                        .map(UserRow::extension)
                        .filter(e -> "99".equals(e) || "1000".equals(e))
                        .toList();
        assertThat(byExtension).containsExactly("99", "1000");
    }

    @Test
    void secondAdminSavingAStaleUserIsRefusedAndTheFirstChangeStays() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long id = Identities.as(admin, () -> users.createUser(user("300", "locked300")));
        UserDetails first = Identities.as(admin, () -> users.userDetails(id));
        UserDetails second = Identities.as(admin, () -> users.userDetails(id));

        Identities.run(
                admin,
                () ->
                        users.changeUser(
                                id,
                                new UserChanges(
                                        first.version(),
                                        "Saved First",
                                        "300",
                                        "Lead",
                                        null,
                                        true,
                                        false)));
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        admin,
                                        () ->
                                                users.changeUser(
                                                        id,
                                                        new UserChanges(
                                                                second.version(),
                                                                "Saved Second",
                                                                "300",
                                                                null,
                                                                null,
                                                                false,
                                                                false))))
                .isInstanceOf(ConcurrentEdit.class)
                .hasMessage("error.concurrentEdit");

        UserDetails now = Identities.as(admin, () -> users.userDetails(id));
        assertThat(now.displayName()).isEqualTo("Saved First");
        assertThat(now.jobTitle()).isEqualTo("Lead");
        assertThat(now.recordCalls()).isTrue();
    }

    @Test
    void deletedUserLosesTheSipNumberAndFreesTheExtension() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long id = Identities.as(admin, () -> users.createUser(user("400", "gone400")));
        long before = Identities.as(admin, () -> users.countAllUsers());

        assertThat(Identities.as(admin, () -> users.deleteUsers(List.of(id)))).isEqualTo(1);

        assertThat(Identities.as(admin, () -> users.countAllUsers())).isEqualTo(before - 1);
        assertThatThrownBy(() -> Identities.as(admin, () -> users.sipCredentials(id)))
                .isInstanceOf(NotFound.class);
        assertThat(Identities.as(admin, () -> users.registrations()))
                .noneMatch(r -> "400".equals(r.extension()));
        // The extension and login are free again.
        Identities.run(admin, () -> users.createUser(user("400", "gone400")));
    }

    @Test
    void disablingTheSipNumberIsSavedAndTheChannelsStayWithinTheDomainLimit() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long id = Identities.as(admin, () -> users.createUser(user("500", "sip500")));
        Identities.run(
                admin,
                () -> users.changeSipNumber(id, new SipNumberSettings(2, 3, false, false, 45)));
        UserDetails details = Identities.as(admin, () -> users.userDetails(id));
        assertThat(details.sipNumber()).isEqualTo(new SipNumberSettings(2, 3, false, false, 45));
        assertThat(details.registrar()).isEqualTo(w.domainA);

        String oldPassword = Identities.as(admin, () -> users.sipCredentials(id).password());
        String newPassword = Identities.as(admin, () -> users.resetSipPassword(id));
        assertThat(newPassword).isNotEqualTo(oldPassword).hasSize(16);
        assertThat(Identities.as(admin, () -> users.sipCredentials(id).password()))
                .isEqualTo(newPassword);
    }

    @Test
    void oneDomainsAdminCanNeitherReadNorChangeAnotherDomainsUsers() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);
        LoginResult adminB = w.adminOf(w.domainB);
        long idA = Identities.as(adminA, () -> users.createUser(user("600", "private600")));
        long versionA = Identities.as(adminA, () -> users.userDetails(idA).version());

        assertThatThrownBy(() -> Identities.as(adminB, () -> users.userDetails(idA)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Identities.as(adminB, () -> users.sipCredentials(idA)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        adminB,
                                        () ->
                                                users.changeUser(
                                                        idA,
                                                        new UserChanges(
                                                                versionA,
                                                                "Hijacked",
                                                                "600",
                                                                null,
                                                                null,
                                                                false,
                                                                true))))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Identities.as(adminB, () -> users.resetSipPassword(idA)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Identities.as(adminB, () -> users.deleteUsers(List.of(idA))))
                .isInstanceOf(NotFound.class);
        assertThat(Identities.as(adminB, () -> users.countUsers("private600"))).isZero();

        UserDetails untouched = Identities.as(adminA, () -> users.userDetails(idA));
        assertThat(untouched.displayName()).isEqualTo("User private600");
        assertThat(untouched.version()).isEqualTo(versionA);
    }
}
