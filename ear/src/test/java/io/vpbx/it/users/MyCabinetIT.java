package io.vpbx.it.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.cabinet.AudioChoice;
import io.vpbx.application.cabinet.MyCabinetService;
import io.vpbx.application.cabinet.MyProfile;
import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallHistoryService;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.recording.CallRecordingPolicy;
import io.vpbx.application.recording.RecordingDownload;
import io.vpbx.application.sip.CallRecording;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.application.sip.SipRegistrar;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Recordings;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.sip.RegisterAttempt;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The employee's personal cabinet through its use case, on MariaDB: an employee logs in with login,
 * password and domain and gets the employee role alone; everything they see and change is their own
 * (a colleague's calls, recordings and registered phones never show), the password change needs the
 * current password and follows the policy, the e-mail is validated, a greeting of another domain is
 * refused, and every change is in the domain's action history with its before and after values.
 */
@ExtendWith(ArquillianExtension.class)
class MyCabinetIT {
    private static final String PASSWORD = "abc123";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(MyCabinetIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;
    @Inject private MyCabinetService cabinet;
    @Inject private CallHistoryService domainHistory;
    @Inject private AudioFilesService audio;
    @Inject private CallRecordingPolicy recordingPolicy;
    @Inject private CallRecording callRecords;
    @Inject private CallRouting routing;
    @Inject private SipRegistrar registrar;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    /** A new employee of the admin's domain with a console password and an e-mail. */
    private long employee(LoginResult admin, String extension, String login, String email)
            throws Exception {
        return Identities.as(
                admin,
                () ->
                        users.createUser(
                                new NewDomainUser(
                                        extension,
                                        "Сотрудник " + extension,
                                        login,
                                        email,
                                        "Инженер",
                                        PASSWORD,
                                        false,
                                        false)));
    }

    private LoginResult cabinetLogin(String domain, String login, String password) {
        return authentication.loginToCabinet(domain, login, password);
    }

    /** Registers a phone on the employee's SIP number as a REGISTER would. */
    private void registerPhone(
            LoginResult admin, String domain, long userId, String address, String userAgent)
            throws Exception {
        String sipLogin = Identities.as(admin, () -> users.sipCredentials(userId)).login();
        SipAccount account = registrar.account(domain, sipLogin).orElseThrow();
        registrar.register(
                account,
                new RegisterAttempt(
                        "reg-" + sipLogin + "@" + address,
                        1,
                        false,
                        List.of(
                                new RegisterAttempt.Contact(
                                        "sip:" + sipLogin + "@" + address + ":5070",
                                        Duration.ofSeconds(600))),
                        Instant.now(),
                        address,
                        5070,
                        "UDP",
                        userAgent));
    }

    @Test
    void anEmployeeSeesOnlyTheirOwnProfileCallsRecordingsAndPhones() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long annId = employee(admin, "511", "ann511", "ann511@mail.test");
        long bobId = employee(admin, "512", "bob512", null);
        employee(admin, "513", "cid513", null);
        long ann = Recordings.sipNumberId(w.domainAId, "511");
        long bob = Recordings.sipNumberId(w.domainAId, "512");
        long cid = Recordings.sipNumberId(w.domainAId, "513");
        registerPhone(admin, w.domainA, annId, "10.51.1.1", "AnnPhone/1.0");
        registerPhone(admin, w.domainA, bobId, "10.51.1.2", "BobPhone/2.0");
        Recordings.Made annAndBob =
                Recordings.call(recordingPolicy, callRecords, routing, w.domainAId, ann, bob, 1.0);
        Recordings.Made bobAndCid =
                Recordings.call(recordingPolicy, callRecords, routing, w.domainAId, bob, cid, 1.0);

        LoginResult annLogin = cabinetLogin(w.domainA, "ann511", PASSWORD);
        assertThat(annLogin.isSuccess()).isTrue();
        assertThat(annLogin.roles()).isEqualTo(Set.of(Roles.DOMAIN_USER));
        assertThat(annLogin.principalName()).isEqualTo("D:" + w.domainAId + ":" + annId);
        // The employee has no admin console, and their cabinet session is valid where the
        // console's is not.
        assertThat(authentication.loginToDomain(w.domainA, "ann511", PASSWORD).outcome())
                .isEqualTo(LoginResult.Outcome.NO_CONSOLE_ACCESS);
        assertThat(authentication.isCabinetSessionValid(annLogin.principalName())).isTrue();
        assertThat(authentication.isSessionValid(annLogin.principalName())).isFalse();

        MyProfile profile = Identities.as(annLogin, () -> cabinet.profile());
        String annSip = Identities.as(admin, () -> users.sipCredentials(annId)).login();
        assertThat(profile.displayName()).isEqualTo("Сотрудник 511");
        assertThat(profile.address()).isEqualTo("ann511@" + w.domainA);
        assertThat(profile.extension()).isEqualTo("511");
        assertThat(profile.jobTitle()).isEqualTo("Инженер");
        assertThat(profile.email()).isEqualTo("ann511@mail.test");
        assertThat(profile.sipLogin()).isEqualTo(annSip);
        assertThat(profile.registrar()).isEqualTo(w.domainA);
        assertThat(profile.registrations())
                .extracting(RegistrationRow::userAgent, RegistrationRow::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("AnnPhone/1.0", "10.51.1.1:5070/UDP"));

        List<CallHistoryRow> annCalls =
                Identities.as(
                        annLogin, () -> cabinet.callHistory(CallPeriod.TODAY, CallType.ALL, null));
        assertThat(annCalls)
                .extracting(CallHistoryRow::callerExtension, CallHistoryRow::calleeExtension)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("511", "512"));
        assertThat(annCalls.get(0).recordingId()).isEqualTo(annAndBob.recordingId());
        // Searching the colleague's extension finds nothing of theirs either.
        assertThat(
                        Identities.as(
                                annLogin,
                                () -> cabinet.callHistory(CallPeriod.TODAY, CallType.ALL, "513")))
                .isEmpty();

        // A range of days (spec B BR-77): today finds the call, yesterday nothing; an inverted or
        // half range is refused. The call was made seconds ago: a day boundary in between is
        // covered by taking yesterday to today.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        assertThat(
                        Identities.as(
                                annLogin,
                                () ->
                                        cabinet.callHistory(
                                                today.minusDays(1), today, CallType.ALL, null)))
                .extracting(CallHistoryRow::callerExtension, CallHistoryRow::calleeExtension)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("511", "512"));
        assertThat(
                        Identities.as(
                                annLogin,
                                () ->
                                        cabinet.callHistory(
                                                today.minusDays(3),
                                                today.minusDays(2),
                                                CallType.ALL,
                                                null)))
                .isEmpty();
        assertRefused(
                annLogin,
                () -> cabinet.callHistory(today, today.minusDays(1), CallType.ALL, null),
                null,
                "error.calls.rangeInverted");
        assertRefused(
                annLogin,
                () -> cabinet.callHistory(null, today, CallType.ALL, null),
                null,
                "error.calls.rangeRequired");
        assertThat(
                        Identities.as(
                                annLogin,
                                () ->
                                        cabinet.callHistory(
                                                CallPeriod.LAST_45_DAYS, CallType.ALL, null)))
                .hasSize(1);

        LoginResult bobLogin = cabinetLogin(w.domainA, "bob512", PASSWORD);
        assertThat(
                        Identities.as(
                                        bobLogin,
                                        () ->
                                                cabinet.callHistory(
                                                        CallPeriod.TODAY, CallType.ALL, null))
                                .stream()
                                .map(CallHistoryRow::recordingId)
                                .toList())
                .containsExactly(bobAndCid.recordingId(), annAndBob.recordingId());
        assertThat(Identities.as(bobLogin, () -> cabinet.profile().registrations()))
                .extracting(RegistrationRow::userAgent)
                .containsExactly("BobPhone/2.0");

        RecordingDownload own =
                Identities.as(annLogin, () -> cabinet.recording(annAndBob.recordingId()));
        assertThat(own.fileName()).matches("call-\\d{8}-\\d{6}-511-512\\.mp3");
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
        Identities.run(annLogin, () -> cabinet.writeMp3(annAndBob.recordingId(), mp3));
        assertThat(mp3.size()).isGreaterThan(500);
        assertThatThrownBy(
                        () ->
                                Identities.as(
                                        annLogin, () -> cabinet.recording(bobAndCid.recordingId())))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        annLogin,
                                        () ->
                                                cabinet.writeMp3(
                                                        bobAndCid.recordingId(),
                                                        new ByteArrayOutputStream())))
                .isInstanceOf(NotFound.class);

        // The domain console's services stay closed to the employee's cabinet identity.
        assertThatThrownBy(() -> Identities.as(annLogin, () -> users.countAllUsers()))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(
                        () ->
                                Identities.as(
                                        annLogin,
                                        () ->
                                                domainHistory.history(
                                                        CallPeriod.TODAY, CallType.ALL, null)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> Identities.as(annLogin, () -> users.sipCredentials(bobId)))
                .isInstanceOf(EJBAccessException.class);

        // Another domain's employee sees none of it.
        LoginResult adminB = w.adminOf(w.domainB);
        employee(adminB, "511", "ann511", null);
        LoginResult otherAnn = cabinetLogin(w.domainB, "ann511", PASSWORD);
        assertThat(
                        Identities.as(
                                otherAnn,
                                () -> cabinet.callHistory(CallPeriod.TODAY, CallType.ALL, null)))
                .isEmpty();
        assertThat(Identities.as(otherAnn, () -> cabinet.profile().registrations())).isEmpty();
        assertThatThrownBy(
                        () ->
                                Identities.as(
                                        otherAnn, () -> cabinet.recording(annAndBob.recordingId())))
                .isInstanceOf(NotFound.class);
        // A domain admin has a cabinet too, but a cabinet login carries the employee role alone.
        LoginResult adminCabinet = cabinetLogin(w.domainA, "admin", TenancyFixture.PASSWORD);
        assertThat(adminCabinet.roles()).isEqualTo(Set.of(Roles.DOMAIN_USER));
        assertThat(Identities.as(adminCabinet, () -> cabinet.profile().admin())).isTrue();
        assertThat(
                        Identities.as(
                                adminCabinet,
                                () -> cabinet.callHistory(CallPeriod.TODAY, CallType.ALL, "511")))
                .isEmpty();
        assertThatThrownBy(() -> Identities.as(adminCabinet, () -> users.countAllUsers()))
                .isInstanceOf(EJBAccessException.class);
        // The same login in the wrong domain is just a wrong login.
        assertThat(cabinetLogin(w.domainC, "ann511", PASSWORD).outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
    }

    @Test
    void thePasswordChangeNeedsTheCurrentPasswordAndFollowsThePolicy() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        employee(admin, "521", "pwd521", null);
        LoginResult me = cabinetLogin(w.domainA, "pwd521", PASSWORD);

        assertRefused(
                me,
                () -> authentication.changeMyPassword("wrong1", "newpass9", "newpass9"),
                "currentPassword",
                "error.password.currentWrong");
        assertRefused(
                me,
                () -> authentication.changeMyPassword(PASSWORD, "abc12", "abc12"),
                "password",
                "error.password.tooShort");
        assertRefused(
                me,
                () -> authentication.changeMyPassword(PASSWORD, "abcdefg", "abcdefg"),
                "password",
                "error.password.latinAndDigits");
        assertRefused(
                me,
                () -> authentication.changeMyPassword(PASSWORD, "newpass9", "newpass8"),
                "passwordRepeat",
                "error.password.repeatMismatch");
        // Nothing was changed by the refused attempts.
        assertThat(cabinetLogin(w.domainA, "pwd521", PASSWORD).isSuccess()).isTrue();
        assertThat(auditChanges(w.domainAId, "pwd521")).isEmpty();

        Identities.run(me, () -> authentication.changeMyPassword(PASSWORD, "newpass9", "newpass9"));

        assertThat(cabinetLogin(w.domainA, "pwd521", PASSWORD).outcome())
                .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
        assertThat(cabinetLogin(w.domainA, "pwd521", "newpass9").isSuccess()).isTrue();
        assertThat(auditChanges(w.domainAId, "pwd521"))
                .containsExactly(
                        "[{\"field\":\"password\",\"before\":\"******\",\"after\":\"******\"}]");
    }

    @Test
    void theEmailIsValidatedAndVoicemailToEmailNeedsOne() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        employee(admin, "531", "mail531", "old531@mail.test");
        employee(admin, "532", "nomail532", null);
        LoginResult me = cabinetLogin(w.domainA, "mail531", PASSWORD);

        assertRefused(
                me, () -> cabinet.changeEmail("not-an-email"), "email", "error.email.invalid");
        assertRefused(
                me,
                () -> cabinet.changeEmail("a@b.test\r\nBcc: x@evil.test"),
                "email",
                "error.email.invalid");
        assertThat(Identities.as(me, () -> cabinet.profile().email()))
                .isEqualTo("old531@mail.test");

        Identities.run(me, () -> cabinet.changeEmail("  new531@mail.test "));
        Identities.run(me, () -> cabinet.sendVoicemailToEmail(true));
        MyProfile profile = Identities.as(me, () -> cabinet.profile());
        assertThat(profile.email()).isEqualTo("new531@mail.test");
        assertThat(profile.voicemailToEmail()).isTrue();
        // With voicemail going to the address, it cannot be removed.
        assertRefused(
                me,
                () -> cabinet.changeEmail(""),
                "email",
                "error.cabinet.emailNeededForVoicemail");
        Identities.run(me, () -> cabinet.sendVoicemailToEmail(false));
        Identities.run(me, () -> cabinet.changeEmail(""));
        assertThat(Identities.as(me, () -> cabinet.profile().email())).isNull();

        LoginResult noMail = cabinetLogin(w.domainA, "nomail532", PASSWORD);
        assertRefused(
                noMail,
                () -> cabinet.sendVoicemailToEmail(true),
                "voicemailToEmail",
                "error.cabinet.emailNeededForVoicemail");
        assertThat(Identities.as(noMail, () -> cabinet.profile().voicemailToEmail())).isFalse();

        assertThat(auditChanges(w.domainAId, "mail531"))
                .containsExactly(
                        "[{\"field\":\"email\",\"before\":\"old531@mail.test\",\"after\":\"new531@mail.test\"}]",
                        "[{\"field\":\"voicemailToEmail\",\"before\":\"false\",\"after\":\"true\"}]",
                        "[{\"field\":\"voicemailToEmail\",\"before\":\"true\",\"after\":\"false\"}]",
                        "[{\"field\":\"email\",\"before\":\"new531@mail.test\",\"after\":null}]");
        assertThat(auditChanges(w.domainAId, "nomail532")).isEmpty();
    }

    @Test
    void greetingAndRingbackComeOnlyFromTheEmployeesOwnDomain() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);
        LoginResult adminB = w.adminOf(w.domainB);
        employee(adminA, "541", "snd541", null);
        byte[] wav = Recordings.stereoWav(1.0);
        long greetingA = upload(adminA, AudioKind.GREETING, "Привет " + w.token, wav);
        long musicA = upload(adminA, AudioKind.MUSIC, "Мелодия " + w.token, wav);
        long greetingB = upload(adminB, AudioKind.GREETING, "Чужое " + w.token, wav);
        LoginResult me = cabinetLogin(w.domainA, "snd541", PASSWORD);

        assertThat(Identities.as(me, () -> cabinet.greetings()))
                .extracting(AudioChoice::id)
                .contains(greetingA)
                .doesNotContain(greetingB, musicA);
        assertThat(Identities.as(me, () -> cabinet.ringbacks()))
                .extracting(AudioChoice::id)
                .contains(musicA)
                .doesNotContain(greetingA, greetingB);

        assertRefused(
                me,
                () -> cabinet.chooseGreeting(greetingB),
                "greeting",
                "error.cabinet.greetingNotFound");
        assertRefused(
                me,
                () -> cabinet.chooseGreeting(musicA),
                "greeting",
                "error.cabinet.greetingNotFound");
        assertRefused(
                me,
                () -> cabinet.chooseRingback(greetingA),
                "ringback",
                "error.cabinet.ringbackNotFound");
        assertThat(Identities.as(me, () -> cabinet.profile().greetingId())).isNull();

        Identities.run(me, () -> cabinet.chooseGreeting(greetingA));
        Identities.run(me, () -> cabinet.chooseRingback(musicA));
        MyProfile chosen = Identities.as(me, () -> cabinet.profile());
        assertThat(chosen.greetingId()).isEqualTo(greetingA);
        assertThat(chosen.ringbackId()).isEqualTo(musicA);
        // While the employee has chosen it, the admin cannot delete the greeting from under them.
        assertThatThrownBy(() -> Identities.run(adminA, () -> audio.delete(greetingA)))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("error.audio.inUse.users"));
        Identities.run(me, () -> cabinet.chooseGreeting(null));
        Identities.run(me, () -> cabinet.chooseRingback(null));
        assertThat(Identities.as(me, () -> cabinet.profile().greetingId())).isNull();
        assertThat(Identities.as(me, () -> cabinet.profile().ringbackId())).isNull();

        assertThat(auditChanges(w.domainAId, "snd541"))
                .containsExactly(
                        "[{\"field\":\"greeting\",\"before\":null,\"after\":\"Привет "
                                + w.token
                                + "\"}]",
                        "[{\"field\":\"ringback\",\"before\":null,\"after\":\"Мелодия "
                                + w.token
                                + "\"}]",
                        "[{\"field\":\"greeting\",\"before\":\"Привет "
                                + w.token
                                + "\",\"after\":null}]",
                        "[{\"field\":\"ringback\",\"before\":\"Мелодия "
                                + w.token
                                + "\",\"after\":null}]");
    }

    @Test
    void theSipPasswordIsRegeneratedOnlyForTheCallersOwnNumber() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long mine = employee(admin, "551", "sip551", null);
        long colleague = employee(admin, "552", "sip552", null);
        String colleagueBefore =
                Identities.as(admin, () -> users.sipCredentials(colleague)).password();
        LoginResult me = cabinetLogin(w.domainA, "sip551", PASSWORD);

        String generated = Identities.as(me, () -> cabinet.regenerateSipPassword());

        assertThat(generated).hasSize(16);
        assertThat(Identities.as(admin, () -> users.sipCredentials(mine)).password())
                .isEqualTo(generated);
        assertThat(Identities.as(admin, () -> users.sipCredentials(colleague)).password())
                .isEqualTo(colleagueBefore);
        assertThat(auditChanges(w.domainAId, "sip551"))
                .containsExactly(
                        "[{\"field\":\"sipPassword\",\"before\":\"******\",\"after\":\"******\"}]");
    }

    @Test
    void wrongPasswordsAtEitherFormLockTheAccountAndADeletedEmployeesSessionEnds()
            throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long id = employee(admin, "561", "lock561", null);
        LoginResult session = cabinetLogin(w.domainA, "lock561", PASSWORD);
        assertThat(authentication.isCabinetSessionValid(session.principalName())).isTrue();

        // The two forms count together: two guesses at one and two at the other...
        for (int i = 0; i < 2; i++) {
            assertThat(cabinetLogin(w.domainA, "lock561", "bad" + i).outcome())
                    .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
            assertThat(authentication.loginToDomain(w.domainA, "lock561", "worse" + i).outcome())
                    .isEqualTo(LoginResult.Outcome.INVALID_CREDENTIALS);
        }
        // ...and the fifth locks the account for both, the right password included.
        assertThat(cabinetLogin(w.domainA, "lock561", "bad4").outcome())
                .isEqualTo(LoginResult.Outcome.LOCKED);
        assertThat(cabinetLogin(w.domainA, "lock561", PASSWORD).outcome())
                .isEqualTo(LoginResult.Outcome.LOCKED);
        assertThat(authentication.loginToDomain(w.domainA, "lock561", PASSWORD).outcome())
                .isEqualTo(LoginResult.Outcome.LOCKED);

        Identities.run(admin, () -> users.deleteUsers(List.of(id)));
        assertThat(authentication.isCabinetSessionValid(session.principalName())).isFalse();
        assertThatThrownBy(() -> Identities.as(session, () -> cabinet.profile()))
                .isInstanceOf(RuleViolation.class);
    }

    private long upload(LoginResult admin, AudioKind kind, String name, byte[] content)
            throws Exception {
        return Identities.as(
                admin,
                () -> audio.upload(kind, name, name + ".wav", new ByteArrayInputStream(content)));
    }

    private static void assertRefused(
            LoginResult who, Identities.ThrowingRunnable work, String field, String messageKey) {
        assertThatThrownBy(() -> Identities.run(who, work))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> {
                            assertThat(v.field()).isEqualTo(field);
                            assertThat(v.messageKey()).isEqualTo(messageKey);
                        });
    }

    /**
     * The change data of the EDIT entries about a user of the domain, oldest first, written by the
     * user themself.
     */
    private static List<String> auditChanges(long domainId, String login) throws Exception {
        List<String> changes = new ArrayList<>();
        try (Connection c = Recordings.dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT change_data FROM audit_entry WHERE domain_id = ?"
                                        + " AND object_type = 'DOMAIN_USER' AND object_name = ?"
                                        + " AND action = 'EDIT' AND actor_login = ? ORDER BY id")) {
            q.setLong(1, domainId);
            q.setString(2, login);
            q.setString(3, login);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    changes.add(rs.getString(1));
                }
            }
        }
        return changes;
    }
}
