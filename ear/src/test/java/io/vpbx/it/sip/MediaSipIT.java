package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.recording.RecordingDownloadService;
import io.vpbx.application.recording.RecordingSettingsService;
import io.vpbx.application.recording.RecordingStore;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.DtmfRecorder;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.SipCallFixture;
import io.vpbx.it.support.Sipp;
import io.vpbx.it.support.Tones;
import jakarta.inject.Inject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(MediaSipIT.class);
    }

    @Inject private SipCallFixture sip;
    @Inject private DtmfRecorder digits;
    @Inject private RecordingSettingsService recordingSettings;
    @Inject private RecordingDownloadService downloads;
    @Inject private RecordingStore store;
    @Inject private AudioFilesService audioFiles;

    @Test
    void twoSoftphonesHearEachOthersToneThroughTheServer() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        Path work = Files.createTempDirectory("vpbx-media-it-");
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        Path calleeHeard = Files.createDirectories(work.resolve("callee"));
        try (Softphones phones =
                Softphones.call(caller, callee, work, 20, 7, callerHeard, calleeHeard)) {
            Baresip calling = phones.calling();
            assertThat(calling.awaitExit(Duration.ofSeconds(20))).isTrue();
            assertThat(calling.output()).contains("Call established");
        }
        long talkMillis = talkMillis(caller);
        Tones.Pcm heardByCaller = Tones.heard(callerHeard);
        Tones.Pcm heardByCallee = Tones.heard(calleeHeard);

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
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        Path work = Files.createTempDirectory("vpbx-media-it-");
        Path calleeHeard = Files.createDirectories(work.resolve("callee"));
        try (Softphones phones = Softphones.call(caller, callee, work, 30, 0, null, calleeHeard)) {
            Baresip calling = phones.calling();
            calling.expect("Call established", Duration.ofSeconds(15));
            Tones.awaitHeard(calleeHeard, 2.0);
            calling.command("/hold");
            Tones.awaitHeard(calleeHeard, 5.0);
            calling.command("/resume");
            Tones.awaitHeard(calleeHeard, 7.5);
            calling.command("/hangup");
            calling.expect("terminated", Duration.ofSeconds(10));
        }
        Tones.Pcm heard = Tones.heard(calleeHeard);

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
        SipCredentials caller = sip.employeeOf(sip.world().domainB);
        SipCredentials callee = sip.employeeOf(sip.world().domainB);
        Path work = Files.createTempDirectory("vpbx-media-it-");
        Path melody = Tones.wav(work.resolve("melody.wav"), 700, 10);
        Identities.run(
                sip.world().adminOf(sip.world().domainB),
                () -> {
                    long id;
                    try (java.io.InputStream in = Files.newInputStream(melody)) {
                        id =
                                audioFiles.upload(
                                        io.vpbx.model.media.AudioKind.MUSIC,
                                        "Melody " + sip.world().token,
                                        "melody.wav",
                                        in);
                    }
                    audioFiles.chooseDomainRingback(id);
                });
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        try (Baresip ringing =
                        Baresip.registered(
                                callee, false, Baresip.Audio.tone(work, 2000, 30, null));
                Baresip calling =
                        Baresip.dialling(
                                caller,
                                callee.extension(),
                                0,
                                Baresip.Audio.tone(work, 1000, 30, callerHeard))) {
            ringing.expect("Incoming call", Duration.ofSeconds(15));
            Tones.awaitHeard(callerHeard, 2.5);
            ringing.command("/accept");
            calling.expect("Call established", Duration.ofSeconds(10));
            Tones.awaitHeard(callerHeard, 5.0);
            calling.command("/hangup");
            calling.expect("terminated", Duration.ofSeconds(10));
        }
        Tones.Pcm heard = Tones.heard(callerHeard);
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

    @Test
    void aRecordedCallIsAStereoWavOfItsLengthCallerLeftAndPlaysAsMp3OfTheSameLength()
            throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        Identities.run(
                sip.world().adminOf(sip.world().domainA),
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
        try (Softphones phones = Softphones.call(caller, callee, work, 20, 6, null, null)) {
            assertThat(phones.calling().awaitExit(Duration.ofSeconds(20))).isTrue();
        }
        long talkMillis = talkMillis(caller);
        String callId = sip.column(caller, "SELECT call_id", rs -> rs.getString(1));
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
                sip.world().adminOf(sip.world().domainA),
                () -> downloads.writeMp3(recording[0], mp3));
        double mp3Seconds = Tones.mp3Seconds(mp3.toByteArray());
        assertThat(mp3Seconds).isBetween(left.seconds() - 0.3, left.seconds() + 0.3);
    }

    /**
     * A call between two softphones: the callee's answers by itself and sends a 2 kHz tone, the
     * caller's dials it, sends 1 kHz and hangs up after the seconds (0: when closed); each records
     * what it hears into its directory (null: not). Closing ends both phones.
     */
    private record Softphones(Baresip answering, Baresip calling) implements AutoCloseable {
        static Softphones call(
                SipCredentials caller,
                SipCredentials callee,
                Path work,
                int toneSeconds,
                int quitAfterSeconds,
                Path callerHeard,
                Path calleeHeard)
                throws Exception {
            Baresip answering =
                    Baresip.registered(
                            callee, true, Baresip.Audio.tone(work, 2000, toneSeconds, calleeHeard));
            try {
                return new Softphones(
                        answering,
                        Baresip.dialling(
                                caller,
                                callee.extension(),
                                quitAfterSeconds,
                                Baresip.Audio.tone(work, 1000, toneSeconds, callerHeard)));
            } catch (Exception | Error e) {
                answering.close();
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                calling.close();
            } finally {
                answering.close();
            }
        }
    }

    /** The recording row of a call, once written: [id, duration_ms]. */
    private static long[] recordingOf(String callId) throws Exception {
        return SipCallFixture.awaitRow(
                "SELECT id, duration_ms FROM call_recording WHERE call_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                callId);
    }

    private static String storageKeyOf(long recordingId) throws Exception {
        return SipCallFixture.awaitRow(
                "SELECT storage_key FROM call_recording WHERE id = ?",
                rs -> rs.getString(1),
                recordingId);
    }

    @Test
    void aCallWithoutAnyRtpIsEndedAfterTheMediaTimeoutAndRecordedSo() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        int calleePort = Sipp.registered(callee);

        Sipp.Running phone = Sipp.start(Sipp.Run.phone("uas-answer.xml", calleePort));
        long started = System.nanoTime();
        Sipp.Result call =
                Sipp.run(Sipp.Run.call("uac-call-media-timeout.xml", caller, callee.extension()));
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
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        int calleePort = Sipp.registered(callee);
        digits.clear();

        Sipp.Running phone = Sipp.start(Sipp.Run.phone("uas-answer.xml", calleePort));
        Sipp.Running call =
                Sipp.start(Sipp.Run.call("uac-call.xml", caller, callee.extension()).talk(4000));
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

        awaitDigits("115#");
    }

    @Test
    void sipInfoDigitsArriveOnceInOrderAndStillReachTheOtherPhone() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        digits.clear();

        // The callee's phone ends well only if it got the three INFOs.
        SipCallFixture.call(caller, "uac-call-info-dtmf.xml", callee, "uas-answer-info.xml");

        awaitDigits("797");
    }

    /** Waits (at most 5 s) until the digits domain A's calls received are these. */
    private void awaitDigits(String expected) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(digits.digits(sip.world().domainAId)).isEqualTo(expected));
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

    private long talkMillis(SipCredentials caller) throws Exception {
        return sip.column(
                caller,
                "SELECT TIMESTAMPDIFF(MICROSECOND, answered_at, ended_at) / 1000",
                rs -> rs.getLong(1));
    }

    private String endOf(SipCredentials caller) throws Exception {
        return sip.column(
                caller, "SELECT result, end_reason", rs -> rs.getString(1) + " " + rs.getString(2));
    }
}
