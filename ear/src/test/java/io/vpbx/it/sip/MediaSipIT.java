package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.recording.RecordingDownloadService;
import io.vpbx.application.recording.RecordingSettingsService;
import io.vpbx.application.recording.RecordingStore;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.DtmfRecorder;
import io.vpbx.it.support.Employees;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Ports;
import io.vpbx.it.support.Sipp;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.it.support.Tones;
import jakarta.inject.Inject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The media engine end to end: real phones (baresip, sipp, and RTP sent by the test itself) against
 * the deployed server, asserting what was heard, which digits arrived and how calls ended.
 */
@ExtendWith(ArquillianExtension.class)
class MediaSipIT {
    private static final AtomicInteger EXTENSIONS = new AtomicInteger(700);
    private static TenancyFixture world;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(MediaSipIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;
    @Inject private DtmfRecorder digits;
    @Inject private RecordingSettingsService recordingSettings;
    @Inject private RecordingDownloadService downloads;
    @Inject private RecordingStore store;
    @Inject private AudioFilesService audioFiles;

    private TenancyFixture world() throws Exception {
        synchronized (MediaSipIT.class) {
            if (world == null) {
                world = TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
            }
            return world;
        }
    }

    private SipCredentials employee() throws Exception {
        return employeeOf(world().domainA);
    }

    private SipCredentials employeeOf(String domain) throws Exception {
        return Employees.create(
                users,
                world().adminOf(domain),
                Integer.toString(EXTENSIONS.incrementAndGet()),
                new SipNumberSettings(4, 2, true, true, 30));
    }

    @Test
    void twoSoftphonesHearEachOthersToneThroughTheServer() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        Path work = Files.createTempDirectory("vpbx-media-it-");
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        Path calleeHeard = Files.createDirectories(work.resolve("callee"));
        Baresip.Audio callerAudio =
                new Baresip.Audio(Tones.wav(work.resolve("1k.wav"), 1000, 20), callerHeard);
        Baresip.Audio calleeAudio =
                new Baresip.Audio(Tones.wav(work.resolve("2k.wav"), 2000, 20), calleeHeard);
        try (Baresip answering =
                Baresip.start(
                        callee.domain(),
                        callee.login(),
                        callee.password(),
                        Ports.freeUdpPair(),
                        true,
                        null,
                        0,
                        calleeAudio)) {
            assertThat(answering.awaitOutput("200 OK", Duration.ofSeconds(15)))
                    .as(answering.output())
                    .isTrue();
            try (Baresip calling =
                    Baresip.start(
                            caller.domain(),
                            caller.login(),
                            caller.password(),
                            Ports.freeUdpPair(),
                            false,
                            "sip:" + callee.extension() + "@" + callee.domain(),
                            7,
                            callerAudio)) {
                assertThat(calling.awaitExit(Duration.ofSeconds(20))).isTrue();
                assertThat(calling.output()).contains("Call established");
            }
        }
        long talkMillis = talkMillis(caller);
        Tones.Pcm heardByCaller = Tones.read(Tones.find(callerHeard, "-dec.wav"), 0);
        Tones.Pcm heardByCallee = Tones.read(Tones.find(calleeHeard, "-dec.wav"), 0);

        // Each side heard the other's tone (and not its own) for the whole call, ±10 %.
        assertThat(heardByCaller.secondsOf(2000, 0.5) * 1000)
                .as("the caller heard 2 kHz")
                .isBetween(0.9 * talkMillis, 1.1 * talkMillis);
        assertThat(heardByCallee.secondsOf(1000, 0.5) * 1000)
                .as("the callee heard 1 kHz")
                .isBetween(0.9 * talkMillis, 1.1 * talkMillis);
        assertThat(heardByCaller.secondsOf(1000, 0.5)).isLessThan(0.2);
        assertThat(heardByCallee.secondsOf(2000, 0.5)).isLessThan(0.2);
    }

    @Test
    void theHeldPartyHearsMusicOnHoldAndTheCallAfterResume() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        Path work = Files.createTempDirectory("vpbx-media-it-");
        Path calleeHeard = Files.createDirectories(work.resolve("callee"));
        Baresip.Audio callerAudio =
                new Baresip.Audio(Tones.wav(work.resolve("1k.wav"), 1000, 30), null);
        Baresip.Audio calleeAudio =
                new Baresip.Audio(Tones.wav(work.resolve("2k.wav"), 2000, 30), calleeHeard);
        try (Baresip answering =
                Baresip.start(
                        callee.domain(),
                        callee.login(),
                        callee.password(),
                        Ports.freeUdpPair(),
                        true,
                        null,
                        0,
                        calleeAudio)) {
            assertThat(answering.awaitOutput("200 OK", Duration.ofSeconds(15))).isTrue();
            try (Baresip calling =
                    Baresip.start(
                            caller.domain(),
                            caller.login(),
                            caller.password(),
                            Ports.freeUdpPair(),
                            false,
                            "sip:" + callee.extension() + "@" + callee.domain(),
                            0,
                            callerAudio)) {
                assertThat(calling.awaitOutput("Call established", Duration.ofSeconds(15)))
                        .as(calling.output())
                        .isTrue();
                awaitHeard(calleeHeard, 2.0);
                calling.command("/hold");
                awaitHeard(calleeHeard, 5.0);
                calling.command("/resume");
                awaitHeard(calleeHeard, 7.5);
                calling.command("/hangup");
                assertThat(calling.awaitOutput("terminated", Duration.ofSeconds(10))).isTrue();
            }
        }
        Tones.Pcm heard = Tones.read(Tones.find(calleeHeard, "-dec.wav"), 0);

        double music = heard.secondsOf(440, 0.3);
        assertThat(music).as("the held callee heard the music's A4").isBetween(2.0, 4.0);
        assertThat(heard.secondsOf(1000, 0.5)).as("and the caller around it").isGreaterThan(3.0);
        double firstMusic = heard.firstSecond(440, 0.3);
        assertThat(heard.between(0, firstMusic).secondsOf(1000, 0.5))
                .as("the caller before the hold")
                .isGreaterThan(1.0);
        assertThat(heard.between(firstMusic + music + 0.5, heard.seconds()).secondsOf(1000, 0.5))
                .as("the caller again after resume")
                .isGreaterThan(1.0);
    }

    @Test
    void theCallerHearsTheDomainsRingbackMelodyUntilTheCalleeAnswers() throws Exception {
        // Domain B: the melody must not change what the other tests' callers hear in domain A.
        SipCredentials caller = employeeOf(world().domainB);
        SipCredentials callee = employeeOf(world().domainB);
        Path work = Files.createTempDirectory("vpbx-media-it-");
        Path melody = Tones.wav(work.resolve("melody.wav"), 700, 10);
        Identities.run(
                world().adminOf(world().domainB),
                () -> {
                    long id;
                    try (java.io.InputStream in = Files.newInputStream(melody)) {
                        id =
                                audioFiles.upload(
                                        io.vpbx.model.media.AudioKind.MUSIC,
                                        "Melody " + world().token,
                                        "melody.wav",
                                        in);
                    }
                    audioFiles.chooseDomainRingback(id);
                });
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        try (Baresip ringing =
                Baresip.start(
                        callee.domain(),
                        callee.login(),
                        callee.password(),
                        Ports.freeUdpPair(),
                        false,
                        null,
                        0,
                        new Baresip.Audio(Tones.wav(work.resolve("2k.wav"), 2000, 30), null))) {
            assertThat(ringing.awaitOutput("200 OK", Duration.ofSeconds(15))).isTrue();
            try (Baresip calling =
                    Baresip.start(
                            caller.domain(),
                            caller.login(),
                            caller.password(),
                            Ports.freeUdpPair(),
                            false,
                            "sip:" + callee.extension() + "@" + callee.domain(),
                            0,
                            new Baresip.Audio(
                                    Tones.wav(work.resolve("1k.wav"), 1000, 30), callerHeard))) {
                assertThat(ringing.awaitOutput("Incoming call", Duration.ofSeconds(15)))
                        .as(ringing.output())
                        .isTrue();
                awaitHeard(callerHeard, 2.5);
                ringing.command("/accept");
                assertThat(calling.awaitOutput("Call established", Duration.ofSeconds(10)))
                        .as(calling.output())
                        .isTrue();
                awaitHeard(callerHeard, 5.0);
                calling.command("/hangup");
                assertThat(calling.awaitOutput("terminated", Duration.ofSeconds(10))).isTrue();
            }
        }
        Tones.Pcm heard = Tones.read(Tones.find(callerHeard, "-dec.wav"), 0);
        double answeredAt = heard.firstSecond(2000, 0.5);

        assertThat(answeredAt).as("the callee was heard after answering").isGreaterThan(2.0);
        assertThat(heard.between(0, answeredAt).secondsOf(700, 0.5))
                .as("the melody while it rang")
                .isGreaterThan(2.0);
        assertThat(heard.between(answeredAt, heard.seconds()).secondsOf(700, 0.5))
                .as("no melody once answered")
                .isLessThan(0.1);
        assertThat(heard.between(answeredAt, heard.seconds()).secondsOf(2000, 0.5))
                .isGreaterThan(2.0);
    }

    /** Waits until the phone's capture holds the seconds of audio (baresip writes as it hears). */
    private static void awaitHeard(Path directory, double seconds) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(
                        () ->
                                Files.size(Tones.find(directory, "-dec.wav"))
                                        >= (long) (44 + seconds * 16000));
    }

    @Test
    void aRecordedCallIsAStereoWavOfItsLengthCallerLeftAndPlaysAsMp3OfTheSameLength()
            throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        Identities.run(
                world().adminOf(world().domainA),
                () -> {
                    long callerId =
                            recordingSettings.users().stream()
                                    .filter(u -> caller.extension().equals(u.extension()))
                                    .findFirst()
                                    .orElseThrow()
                                    .userId();
                    recordingSettings.changeUserRecording(java.util.List.of(callerId), true);
                });
        Path work = Files.createTempDirectory("vpbx-media-it-");
        try (Baresip answering =
                Baresip.start(
                        callee.domain(),
                        callee.login(),
                        callee.password(),
                        Ports.freeUdpPair(),
                        true,
                        null,
                        0,
                        new Baresip.Audio(Tones.wav(work.resolve("2k.wav"), 2000, 20), null))) {
            assertThat(answering.awaitOutput("200 OK", Duration.ofSeconds(15))).isTrue();
            try (Baresip calling =
                    Baresip.start(
                            caller.domain(),
                            caller.login(),
                            caller.password(),
                            Ports.freeUdpPair(),
                            false,
                            "sip:" + callee.extension() + "@" + callee.domain(),
                            6,
                            new Baresip.Audio(Tones.wav(work.resolve("1k.wav"), 1000, 20), null))) {
                assertThat(calling.awaitExit(Duration.ofSeconds(20))).isTrue();
            }
        }
        long talkMillis = talkMillis(caller);
        String callId = queryRecord(caller, "SELECT call_id", rs -> rs.getString(1));
        long[] recording = recordingOf(callId);
        Path wav = work.resolve("recording.wav");
        try (java.io.InputStream in = store.open(storageKeyOf(recording[0]))) {
            Files.copy(in, wav);
        }
        Tones.Pcm left = Tones.read(wav, 0);
        Tones.Pcm right = Tones.read(wav, 1);

        assertThat(left.seconds() * 1000).isBetween(talkMillis - 300.0, talkMillis + 300.0);
        assertThat(recording[1])
                .as("the row's duration")
                .isBetween(talkMillis - 300, talkMillis + 300);
        assertThat(left.secondsOf(1000, 0.5))
                .as("the caller, left")
                .isGreaterThan(0.85 * left.seconds());
        assertThat(right.secondsOf(2000, 0.5))
                .as("the callee, right")
                .isGreaterThan(0.85 * right.seconds());
        assertThat(left.secondsOf(2000, 0.5)).isLessThan(0.2);

        java.io.ByteArrayOutputStream mp3 = new java.io.ByteArrayOutputStream();
        Identities.run(
                world().adminOf(world().domainA), () -> downloads.writeMp3(recording[0], mp3));
        double mp3Seconds = Tones.mp3Seconds(mp3.toByteArray());
        assertThat(mp3Seconds).isBetween(left.seconds() - 0.3, left.seconds() + 0.3);
    }

    /** The recording row of a call, once written: [id, duration_ms]. */
    private static long[] recordingOf(String callId) throws Exception {
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            try (Connection c = dataSource.getConnection();
                                    PreparedStatement q =
                                            c.prepareStatement(
                                                    "SELECT id, duration_ms FROM call_recording"
                                                            + " WHERE call_id = ?")) {
                                q.setString(1, callId);
                                try (ResultSet rs = q.executeQuery()) {
                                    return rs.next()
                                            ? new long[] {rs.getLong(1), rs.getLong(2)}
                                            : null;
                                }
                            }
                        },
                        row -> row != null);
    }

    private static String storageKeyOf(long recordingId) throws Exception {
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT storage_key FROM call_recording WHERE id = ?")) {
            q.setLong(1, recordingId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aCallWithoutAnyRtpIsEndedAfterTheMediaTimeoutAndRecordedSo() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        long started = System.nanoTime();
        Sipp.Result call =
                Sipp.run(
                        Sipp.Run.of("uac-call-media-timeout.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(caller.domain(), caller.login(), callee.extension())
                                .credentials(caller.login(), caller.password()));
        long endedAfter = (System.nanoTime() - started) / 1_000_000;
        Sipp.Result answered = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log()).contains("the server hung up");
        assertThat(answered.exitCode()).as("the callee got the server's BYE").isZero();
        // The test server's media timeout is 6 s (bin/vpbx it-server), checked every second.
        assertThat(endedAfter).isBetween(6_000L, 9_000L);
        assertThat(endOf(caller)).isEqualTo("ANSWERED MEDIA_TIMEOUT");
    }

    @Test
    void rfc4733DigitsArriveOnceInOrderWithARepeatedDigitAndALongPress() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);
        digits.clear();

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Running call =
                Sipp.start(
                        Sipp.Run.of("uac-call.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(caller.domain(), caller.login(), callee.extension())
                                .credentials(caller.login(), caller.password())
                                .talk(4000));
        int serverPort = mediaPort(call.awaitLog("answered, callee media"));
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            RtpSender sender = new RtpSender(rtp, serverPort);
            sender.audio(5);
            sender.digit(1, 3, true); // "1"
            sender.audio(3);
            sender.digit(1, 3, true); // "1" again: a second press
            sender.audio(3);
            sender.digit(5, 60, true); // a long press of 1.2 s: one digit
            sender.audio(3);
            sender.digit(11, 4, false); // "#": its first packets lost, only the end arrives
            sender.audio(5);
        }
        assertThat(call.await().exitCode()).isZero();
        assertThat(phone.await().exitCode()).isZero();

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(digits.digits(world().domainAId)).isEqualTo("115#"));
    }

    @Test
    void sipInfoDigitsArriveOnceInOrderAndStillReachTheOtherPhone() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);
        digits.clear();

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer-info.xml").from("127.0.0.1", calleePort));
        Sipp.Result call =
                Sipp.run(
                        Sipp.Run.of("uac-call-info-dtmf.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(caller.domain(), caller.login(), callee.extension())
                                .credentials(caller.login(), caller.password()));

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(phone.await().exitCode()).as("the callee got the three INFOs").isZero();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(digits.digits(world().domainAId)).isEqualTo("797"));
    }

    /** The server's media port from the caller's log line "answered, callee media m=audio N". */
    private static int mediaPort(String log) {
        Matcher m = Pattern.compile("answered, callee media m=audio (\\d+)").matcher(log);
        assertThat(m.find()).as(log).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** RTP a test phone sends: PCMU silence and RFC 4733 events, paced at 20 ms. */
    private static final class RtpSender {
        private final DatagramSocket socket;
        private final int port;
        private int sequence = 1;
        private int timestamp = 1000;
        private long next = System.nanoTime();

        RtpSender(DatagramSocket socket, int port) {
            this.socket = socket;
            this.port = port;
        }

        void audio(int frames) throws Exception {
            for (int i = 0; i < frames; i++) {
                byte[] silence = new byte[160];
                java.util.Arrays.fill(silence, (byte) 0xFF);
                send(0, false, timestamp, silence);
                timestamp += 160;
            }
        }

        /** One key press of {@code frames} updates, its three end packets, and the time it took. */
        void digit(int event, int frames, boolean withStart) throws Exception {
            int start = timestamp;
            for (int i = 1; i <= frames; i++) {
                if (withStart) {
                    send(101, i == 1, start, payload(event, false, 160 * i));
                } else {
                    pace();
                }
            }
            for (int i = 0; i < 3; i++) {
                send(101, false, start, payload(event, true, 160 * frames));
            }
            timestamp += 160 * (frames + 3);
        }

        private static byte[] payload(int event, boolean end, int duration) {
            return new byte[] {
                (byte) event,
                (byte) ((end ? 0x80 : 0) | 10),
                (byte) (duration >> 8),
                (byte) duration
            };
        }

        private void send(int payloadType, boolean marker, int ts, byte[] payload)
                throws Exception {
            pace();
            byte[] p = new byte[12 + payload.length];
            p[0] = (byte) 0x80;
            p[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
            p[2] = (byte) (sequence >> 8);
            p[3] = (byte) sequence++;
            java.nio.ByteBuffer.wrap(p, 4, 8).putInt(ts).putInt(0x5EED);
            System.arraycopy(payload, 0, p, 12, payload.length);
            socket.send(new DatagramPacket(p, p.length, InetAddress.getLoopbackAddress(), port));
        }

        /** Waits for the next 20 ms slot (bounded: never more than 20 ms). */
        private void pace() {
            next += 20_000_000L;
            java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private static long talkMillis(SipCredentials caller) throws Exception {
        return queryRecord(
                caller,
                "SELECT TIMESTAMPDIFF(MICROSECOND, answered_at, ended_at) / 1000",
                rs -> rs.getLong(1));
    }

    private static String endOf(SipCredentials caller) throws Exception {
        return queryRecord(
                caller, "SELECT result, end_reason", rs -> rs.getString(1) + " " + rs.getString(2));
    }

    private interface Column<T> {
        T read(ResultSet rs) throws Exception;
    }

    /** A column of the caller's only call record, once the MDB has written it. */
    private static <T> T queryRecord(SipCredentials caller, String select, Column<T> column)
            throws Exception {
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            try (Connection c = dataSource.getConnection();
                                    PreparedStatement q =
                                            c.prepareStatement(
                                                    select
                                                            + " FROM call_record WHERE"
                                                            + " caller_extension = ? AND"
                                                            + " domain_id = ?")) {
                                q.setString(1, caller.extension());
                                q.setLong(2, world.domainAId);
                                try (ResultSet rs = q.executeQuery()) {
                                    return rs.next() ? column.read(rs) : null;
                                }
                            }
                        },
                        value -> value != null);
    }
}
