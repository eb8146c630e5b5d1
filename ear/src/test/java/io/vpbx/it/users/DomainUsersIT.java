package io.vpbx.it.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.media.AudioFilesService;
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
import io.vpbx.it.support.Mailbox;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.it.support.Tones;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.OutgoingRestriction;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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
    @Inject private AudioFilesService audio;
    @Inject private ActionHistoryService history;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    /** The page's own fields changed; the rest as a new user has them. */
    private static UserChanges changes(
            long version,
            String name,
            String extension,
            String jobTitle,
            String email,
            boolean recordCalls,
            boolean admin) {
        return new UserChanges(
                version,
                name,
                extension,
                jobTitle,
                email,
                recordCalls,
                admin,
                false,
                false,
                OutgoingRestriction.NONE,
                null,
                null,
                null,
                null,
                null);
    }

    private static UserChanges settings(
            UserDetails d,
            boolean voicemailToEmail,
            boolean operator,
            OutgoingRestriction restriction,
            LocalDate absentFrom,
            LocalDate absentUntil,
            Long greetingId,
            Long ringbackId,
            Long musicOnHoldId) {
        return new UserChanges(
                d.version(),
                d.displayName(),
                d.extension(),
                d.jobTitle(),
                d.email(),
                d.recordCalls(),
                d.admin(),
                voicemailToEmail,
                operator,
                restriction,
                absentFrom,
                absentUntil,
                greetingId,
                ringbackId,
                musicOnHoldId);
    }

    /** A new user whose login details are mailed (in English) to {@code email}. */
    private static NewDomainUser mailed(String extension, String name, String login, String email) {
        return new NewDomainUser(
                extension,
                name,
                login,
                email,
                null,
                PASSWORD,
                false,
                false,
                false,
                false,
                true,
                Locale.ENGLISH);
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
                                false,
                                List.of()));
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
                                changes(
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
                                                        changes(
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
                                                        changes(
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

    @Test
    void thePageSavesRestrictionAbsenceFlagsAndOwnAudioWithBeforeAndAfterInTheHistory()
            throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        LoginResult adminB = w.adminOf(w.domainB);
        long id = Identities.as(admin, () -> users.createUser(user("310", "settings310")));
        long greeting = upload(admin, AudioKind.GREETING, "Welcome 310");
        long music = upload(admin, AudioKind.MUSIC, "Melody 310");
        long foreignMusic = upload(adminB, AudioKind.MUSIC, "Melody of B 310");
        LocalDate today = LocalDate.now(ZoneId.systemDefault());

        UserDetails before = Identities.as(admin, () -> users.userDetails(id));
        assertThat(before.outgoingRestriction()).isEqualTo(OutgoingRestriction.NONE);
        assertThat(before.absentToday()).isFalse();
        Identities.run(
                admin,
                () ->
                        users.changeUser(
                                id,
                                settings(
                                        before,
                                        true,
                                        true,
                                        OutgoingRestriction.INTERNATIONAL_AND_LONG_DISTANCE,
                                        today.minusDays(1),
                                        today.plusDays(6),
                                        greeting,
                                        music,
                                        music)));

        UserDetails after = Identities.as(admin, () -> users.userDetails(id));
        assertThat(after.voicemailToEmail()).isTrue();
        assertThat(after.operator()).isTrue();
        assertThat(after.outgoingRestriction())
                .isEqualTo(OutgoingRestriction.INTERNATIONAL_AND_LONG_DISTANCE);
        assertThat(after.absentFrom()).isEqualTo(today.minusDays(1));
        assertThat(after.absentUntil()).isEqualTo(today.plusDays(6));
        assertThat(after.absentToday()).isTrue();
        assertThat(after.greetingId()).isEqualTo(greeting);
        assertThat(after.ringbackId()).isEqualTo(music);
        assertThat(after.musicOnHoldId()).isEqualTo(music);

        String audit =
                Identities.as(
                                admin,
                                () ->
                                        history.history(
                                                new HistoryFilter(
                                                        null,
                                                        null,
                                                        null,
                                                        "settings310",
                                                        null,
                                                        AuditAction.EDIT,
                                                        null),
                                                null,
                                                10))
                        .rows()
                        .get(0)
                        .changeData();
        assertThat(audit)
                .contains("\"outgoingRestriction\"")
                .contains("\"before\":\"NONE\"")
                .contains("\"after\":\"INTERNATIONAL_AND_LONG_DISTANCE\"")
                .contains("\"after\":\"Welcome 310\"")
                .contains("\"after\":\"Melody 310\"")
                .contains("\"absentUntil\"");

        // Another domain's music, an end before the start, half a period: refused, nothing saved.
        assertChangeRefused(admin, id, null, null, null, foreignMusic, "error.audio.notFound");
        assertChangeRefused(
                admin, id, today, today.minusDays(1), null, null, "error.absence.endBeforeStart");
        assertChangeRefused(admin, id, today, null, null, null, "error.absence.bothDates");
        assertChangeRefused(admin, id, null, null, music, null, "error.audio.notGreeting");
        UserDetails unchanged = Identities.as(admin, () -> users.userDetails(id));
        assertThat(unchanged.version()).isEqualTo(after.version());
        assertThat(unchanged.ringbackId()).isEqualTo(music);
        assertThat(unchanged.absentUntil()).isEqualTo(today.plusDays(6));
    }

    @Test
    void credentialsGoByMailOnCreationAndOnRequestWithTheSipPassword() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        String email = "mailed320@example.com";
        long id =
                Identities.as(
                        admin,
                        () -> users.createUser(mailed("320", "Mailed User", "mailed320", email)));
        var sip = Identities.as(admin, () -> users.sipCredentials(id));

        List<Mailbox.Mail> created = Mailbox.await(email, 1);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).subject())
                .isEqualTo("Your login details for the virtual PBX " + sip.domain());
        assertThat(created.get(0).body())
                .contains("Login: mailed320")
                .contains("Password: " + PASSWORD)
                .contains("SIP login: " + sip.login())
                .contains("SIP password: " + sip.password())
                .contains("extension 320");

        String newSipPassword = Identities.as(admin, () -> users.resetSipPassword(id));
        Identities.run(admin, () -> users.sendCredentials(id, new Locale("ru")));
        List<Mailbox.Mail> both = Mailbox.await(email, 2);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).subject()).startsWith("Данные для подключения телефона");
        assertThat(both.get(1).body())
                .contains("SIP-пароль: " + newSipPassword)
                .doesNotContain(PASSWORD);

        // No e-mail: refused before anything is created; the other domain's user is not found.
        long count = Identities.as(admin, () -> users.countAllUsers());
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        admin,
                                        () ->
                                                users.createUser(
                                                        mailed(
                                                                "321",
                                                                "No Mail",
                                                                "nomail321",
                                                                null))))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        e -> {
                            assertThat(e.field()).isEqualTo("email");
                            assertThat(e.messageKey()).isEqualTo("error.user.credentialsNeedEmail");
                        });
        assertThat(Identities.as(admin, () -> users.countAllUsers())).isEqualTo(count);
        LoginResult adminB = w.adminOf(w.domainB);
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        adminB, () -> users.sendCredentials(id, Locale.ENGLISH)))
                .isInstanceOf(NotFound.class);
        assertThat(Mailbox.of(email)).hasSize(2);
    }

    /** A change of the page's settings is refused with {@code key}. */
    private void assertChangeRefused(
            LoginResult admin,
            long id,
            LocalDate absentFrom,
            LocalDate absentUntil,
            Long greetingId,
            Long ringbackId,
            String key)
            throws Exception {
        UserDetails d = Identities.as(admin, () -> users.userDetails(id));
        UserChanges change =
                settings(
                        d,
                        false,
                        false,
                        OutgoingRestriction.NONE,
                        absentFrom,
                        absentUntil,
                        greetingId,
                        ringbackId,
                        null);
        assertThatThrownBy(() -> Identities.run(admin, () -> users.changeUser(id, change)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private long upload(LoginResult admin, AudioKind kind, String name) throws Exception {
        Path wav = Tones.wav(Files.createTempFile("tone", ".wav"), 440, 1);
        try (InputStream in = Files.newInputStream(wav)) {
            return Identities.as(admin, () -> audio.upload(kind, name, name + ".wav", in));
        } finally {
            Files.deleteIfExists(wav);
        }
    }
}
