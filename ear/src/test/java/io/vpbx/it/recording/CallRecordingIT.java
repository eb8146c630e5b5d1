package io.vpbx.it.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.JobLauncherPort;
import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallHistoryService;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.recording.CallRecordingPolicy;
import io.vpbx.application.recording.RecordingDownload;
import io.vpbx.application.recording.RecordingDownloadService;
import io.vpbx.application.recording.RecordingSettingsService;
import io.vpbx.application.sip.CallRecording;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Employees;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Recordings;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.recording.RecordingRetention;
import io.vpbx.model.shared.NotFound;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call recording through the real beans on MariaDB: which calls the policy records, how a finished
 * WAV is filed, that the nightly retention job deletes exactly the expired recordings with their
 * audio, and that one domain's admin cannot reach another domain's recording.
 */
@ExtendWith(ArquillianExtension.class)
class CallRecordingIT {
    private static final SipNumberSettings PHONE = new SipNumberSettings(2, 2, true, false, 30);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(CallRecordingIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;
    @Inject private RecordingSettingsService recordingSettings;
    @Inject private RecordingDownloadService downloads;
    @Inject private CallRecordingPolicy policy;
    @Inject private CallRecording callRecords;
    @Inject private CallRouting routing;
    @Inject private JobLauncherPort jobs;
    @Inject private CallHistoryService history;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    /** A new employee's SIP number id. */
    private long employee(LoginResult admin, long domainId, String extension) throws Exception {
        Employees.create(users, admin, extension, PHONE);
        return Recordings.sipNumberId(domainId, extension);
    }

    private long userId(LoginResult admin, String extension) throws Exception {
        return Identities.as(
                admin,
                () ->
                        recordingSettings.users().stream()
                                .filter(u -> u.extension().equals(extension))
                                .findFirst()
                                .orElseThrow()
                                .userId());
    }

    @Test
    void eitherPartysFlagOrTheDomainDefaultRecordsACall() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long ann = employee(admin, w.domainAId, "201");
        long bob = employee(admin, w.domainAId, "202");
        long cid = employee(admin, w.domainAId, "203");

        assertThat(policy.shouldRecord(w.domainAId, ann, bob)).isFalse();

        Identities.run(
                admin,
                () ->
                        assertThat(
                                        recordingSettings.changeUserRecording(
                                                List.of(userId(admin, "201")), true))
                                .isEqualTo(1));
        assertThat(policy.shouldRecord(w.domainAId, ann, bob)).isTrue();
        assertThat(policy.shouldRecord(w.domainAId, bob, ann)).isTrue();
        assertThat(policy.shouldRecord(w.domainAId, bob, cid)).isFalse();
        // Numbers of domain A mean nothing in domain B.
        assertThat(policy.shouldRecord(w.domainBId, ann, bob)).isFalse();

        Identities.run(admin, () -> recordingSettings.changeRecordAllCalls(true));
        assertThat(policy.shouldRecord(w.domainAId, bob, cid)).isTrue();
        Identities.run(admin, () -> recordingSettings.changeRecordAllCalls(false));
        assertThat(policy.shouldRecord(w.domainAId, bob, cid)).isFalse();

        assertThat(Identities.as(admin, () -> recordingSettings.settings().usersRecording()))
                .isEqualTo(1);
        Identities.run(
                admin,
                () -> assertThat(recordingSettings.changeRecordingForAllUsers(false)).isEqualTo(1));
        assertThat(policy.shouldRecord(w.domainAId, ann, bob)).isFalse();
        assertThat(auditRows(w.domainAId, "recordCalls")).isEqualTo(2);
        assertThat(auditRows(w.domainAId, "recordAllCalls")).isEqualTo(2);
    }

    @Test
    void aFinishedRecordingIsFiledWithItsRowAndTheSpoolFileIsGone() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        long caller = employee(admin, w.domainAId, "211");
        long callee = employee(admin, w.domainAId, "212");
        String callId = "rec-" + w.token + "/../../escape@host";
        Path spool = policy.spoolFile(w.domainAId, callId);
        assertThat(spool).doesNotExist();
        assertThat(spool.getParent()).isDirectory();
        byte[] wav = Recordings.stereoWav(3.0);
        Files.write(spool, wav);
        Instant before = Instant.now();

        policy.recordingFinished(w.domainAId, callId, spool, Duration.ofMillis(3000));

        assertThat(spool).doesNotExist();
        try (Connection c = Recordings.dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT storage_key, size_bytes, duration_ms, created_at,"
                                        + " expires_at FROM call_recording"
                                        + " WHERE domain_id = ? AND call_id = ?")) {
            q.setLong(1, w.domainAId);
            q.setString(2, callId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String key = rs.getString(1);
                assertThat(key).startsWith(w.domainAId + "/").endsWith(".wav");
                assertThat(key.substring(key.lastIndexOf('/') + 1)).doesNotContain("..");
                assertThat(rs.getLong(2)).isEqualTo(wav.length);
                assertThat(rs.getLong(3)).isEqualTo(3000);
                Instant created = rs.getTimestamp(4).toInstant();
                assertThat(created).isBetween(before.minusSeconds(5), Instant.now());
                assertThat(rs.getTimestamp(5).toInstant())
                        .isEqualTo(
                                RecordingRetention.ONE_MONTH.expiresAt(
                                        created, ZoneId.of("Europe/Moscow")));
                Path file = Recordings.directory().resolve(key);
                assertThat(file).hasBinaryContent(wav);
                assertThat(file.normalize()).startsWith(Recordings.directory().normalize());
            }
        }
        // The same call again, a missing file, an empty file: logged, never thrown.
        Path again = policy.spoolFile(w.domainAId, callId);
        Files.write(again, wav);
        policy.recordingFinished(w.domainAId, callId, again, Duration.ofSeconds(3));
        assertThat(again).doesNotExist();
        policy.recordingFinished(
                w.domainAId, "missing-" + w.token, Path.of("/nonexistent.wav"), Duration.ZERO);
        Path empty = policy.spoolFile(w.domainAId, "empty-" + w.token);
        Files.write(empty, new byte[0]);
        policy.recordingFinished(w.domainAId, "empty-" + w.token, empty, Duration.ZERO);
        assertThat(empty).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM call_recording WHERE call_id = ?", callId))
                .isEqualTo(1);
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM call_recording WHERE call_id LIKE ?",
                                "%-" + w.token))
                .isZero();
        assertThat(caller).isNotEqualTo(callee);
    }

    @Test
    void theRetentionJobDeletesOnlyExpiredRecordingsAndTheirFiles() throws Exception {
        TenancyFixture w = world();
        LoginResult adminB = w.adminOf(w.domainB);
        LoginResult adminC = w.adminOf(w.domainC);
        long b1 = employee(adminB, w.domainBId, "221");
        long b2 = employee(adminB, w.domainBId, "222");
        long c1 = employee(adminC, w.domainCId, "221");
        long c2 = employee(adminC, w.domainCId, "222");
        Identities.run(adminC, () -> recordingSettings.changeRetention(RecordingRetention.YEAR));
        Recordings.Made monthOld =
                Recordings.call(policy, callRecords, routing, w.domainBId, b1, b2, 1.0);
        Recordings.Made kept =
                Recordings.call(policy, callRecords, routing, w.domainCId, c1, c2, 1.0);
        Path monthOldFile = Recordings.directory().resolve(monthOld.storageKey());
        Path keptFile = Recordings.directory().resolve(kept.storageKey());
        assertThat(monthOldFile).exists();

        JobExecution run = retention(Instant.now().plus(Duration.ofDays(40)));

        assertThat(run.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getExitStatus()).contains("domain " + w.domainBId + ": ");
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM call_recording WHERE id = ?",
                                monthOld.recordingId()))
                .isZero();
        assertThat(monthOldFile).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM call_recording WHERE id = ?", kept.recordingId()))
                .isEqualTo(1);
        assertThat(keptFile).exists();

        // Shortening C's retention moves the kept recording's expiry to a month after it was made.
        Identities.run(
                adminC, () -> recordingSettings.changeRetention(RecordingRetention.ONE_MONTH));
        JobExecution second = retention(Instant.now().plus(Duration.ofDays(40)));
        assertThat(second.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM call_recording WHERE id = ?", kept.recordingId()))
                .isZero();
        assertThat(keptFile).doesNotExist();
        assertThat(auditRows(w.domainCId, "recordingRetention")).isEqualTo(2);
    }

    @Test
    void aDomainAdminCannotReachAnotherDomainsRecording() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);
        LoginResult adminB = w.adminOf(w.domainB);
        long b1 = employee(adminB, w.domainBId, "231");
        long b2 = employee(adminB, w.domainBId, "232");
        Recordings.Made inB =
                Recordings.call(policy, callRecords, routing, w.domainBId, b1, b2, 2.0);

        RecordingDownload own = Identities.as(adminB, () -> downloads.recording(inB.recordingId()));
        assertThat(own.fileName()).matches("call-\\d{8}-\\d{6}-231-232\\.mp3");
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
        Identities.run(adminB, () -> downloads.writeMp3(inB.recordingId(), mp3));
        assertThat(mp3.size()).isGreaterThan(1000);
        // MPEG-2.5 Layer III frame sync: 0xFFE, version bits 00, layer bits 01.
        byte[] bytes = mp3.toByteArray();
        int first = 0;
        while (first + 1 < bytes.length && (bytes[first] & 0xFF) != 0xFF) {
            first++;
        }
        assertThat(bytes[first + 1] & 0xFE).isEqualTo(0xE2);

        assertThatThrownBy(
                        () -> Identities.as(adminA, () -> downloads.recording(inB.recordingId())))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () ->
                                Identities.run(
                                        adminA,
                                        () ->
                                                downloads.writeMp3(
                                                        inB.recordingId(),
                                                        new ByteArrayOutputStream())))
                .isInstanceOf(NotFound.class);
        // B's call history offers it for playback; A's does not.
        assertThat(Identities.as(adminB, this::historyRecordingIds)).contains(inB.recordingId());
        assertThat(Identities.as(adminA, this::historyRecordingIds))
                .doesNotContain(inB.recordingId());
    }

    private List<Long> historyRecordingIds() {
        return history.history(CallPeriod.TODAY, CallType.ALL, null).stream()
                .map(CallHistoryRow::recordingId)
                .filter(Objects::nonNull)
                .toList();
    }

    private JobExecution retention(Instant now) {
        long execution = jobs.startRecordingRetention(now);
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> BatchRuntime.getJobOperator().getJobExecution(execution),
                        e ->
                                e.getBatchStatus() == BatchStatus.COMPLETED
                                        || e.getBatchStatus() == BatchStatus.FAILED
                                        || e.getBatchStatus() == BatchStatus.STOPPED);
    }

    /** Changes (not creations, whose entries list every field) of the field in the domain. */
    private static long auditRows(long domainId, String field) throws Exception {
        return count(
                "SELECT COUNT(*) FROM audit_entry WHERE domain_id = "
                        + domainId
                        + " AND action = 'EDIT' AND change_data LIKE ?",
                "%\"field\":\"" + field + "\"%");
    }

    private static long count(String sql, Object parameter) throws Exception {
        try (Connection c = Recordings.dataSource().getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
