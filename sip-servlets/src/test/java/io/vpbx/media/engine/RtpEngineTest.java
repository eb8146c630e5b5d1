package io.vpbx.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vpbx.media.api.Audio;
import io.vpbx.media.api.Codec;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.MediaListener;
import io.vpbx.media.api.MediaSession;
import io.vpbx.media.api.MediaSettings;
import io.vpbx.media.codec.G711;
import io.vpbx.media.codec.Goertzel;
import io.vpbx.media.codec.ToneGenerator;
import io.vpbx.media.rtp.Rtp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on real loopback sockets: what one phone sends, the other receives exactly. */
class RtpEngineTest {
    private static final String PCMU_AND_EVENTS =
            "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";
    private static final String PCMA_AND_EVENTS =
            "a=rtpmap:8 PCMA/8000\r\na=rtpmap:96 telephone-event/8000\r\n";

    private RtpEngine engine;
    private Phone caller;
    private Phone callee;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger timeouts = new AtomicInteger();
    private final AtomicReference<Path> recorded = new AtomicReference<>();
    private final AtomicReference<Duration> recordedLength = new AtomicReference<>();

    private final MediaListener listener =
            new MediaListener() {
                @Override
                public void dtmf(Endpoint from, char digit, int durationMillis) {
                    events.add("dtmf " + digit);
                }

                @Override
                public void mediaTimeout() {
                    timeouts.incrementAndGet();
                }

                @Override
                public void playFinished(Endpoint to) {
                    events.add("played");
                }

                @Override
                public void recordingFinished(Path wav, Duration length) {
                    recordedLength.set(length);
                    recorded.set(wav);
                }
            };

    @BeforeEach
    void start() throws Exception {
        engine =
                new RtpEngine(
                        new MediaSettings(
                                "127.0.0.1",
                                "127.0.0.1",
                                // Below the ephemeral ports (32768+) the test phones get.
                                10000 + 100 * (int) (ProcessHandle.current().pid() % 90),
                                100,
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(3),
                                1));
        caller = new Phone(0x11111111);
        callee = new Phone(0x22222222);
    }

    @AfterEach
    void stop() {
        engine.close();
        caller.close();
        callee.close();
    }

    /** Caller offers PCMU only; the callee answers PCMA: the engine transcodes. */
    private Endpoint[] call(MediaSession session) throws Exception {
        Endpoint a = session.newEndpoint();
        a.remoteOffer(caller.offer("0 101", PCMU_AND_EVENTS));
        Endpoint b = session.newEndpoint();
        String offer = b.localOffer(a.preferredCodec());
        assertThat(offer).contains("m=audio " + b.port() + " RTP/AVP 0 8 101\r\n");
        b.remoteAnswer(callee.offer("8 96", PCMA_AND_EVENTS));
        String answer = a.localAnswer(b.codec());
        assertThat(answer)
                .contains("m=audio " + a.port() + " RTP/AVP 0 101\r\n")
                .contains("c=IN IP4 127.0.0.1");
        session.bridge(a, b);
        // Tasks run in order on the media thread: once this one has run, so has the bridge, and
        // packets sent from now on are relayed (earlier ones would find no peer yet).
        java.util.concurrent.CountDownLatch bridged = new java.util.concurrent.CountDownLatch(1);
        ((SessionImpl) session).reactor.execute(bridged::countDown);
        assertThat(bridged.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new Endpoint[] {a, b};
    }

    @Test
    void audioIsRelayedTranscodedUnderTheEnginesOwnStreamAndRtcpIsNeverPassedOn() throws Exception {
        MediaSession session = engine.openSession("call-1", listener);
        Endpoint[] legs = call(session);
        assertThat(legs[1].codec()).isEqualTo(Codec.PCMA);
        byte[] payload = new byte[160];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        for (int i = 0; i < 10; i++) {
            caller.sendRtp(legs[0].port(), 0, payload);
        }
        // RTCP on its own port and muxed on the RTP port: terminated, never relayed.
        byte[] receiverReport = {(byte) 0x80, (byte) 201, 0, 1, 0x11, 0x11, 0x11, 0x11};
        caller.send(legs[0].port() + 1, receiverReport);
        caller.send(legs[0].port(), receiverReport);

        List<byte[]> received = callee.receiveUntilQuiet(400);

        assertThat(received).hasSize(10);
        byte[] expected = new byte[160];
        G711.ulawToAlaw(payload, 0, expected, 0, 160);
        int firstSequence = Rtp.sequence(received.get(0));
        for (int i = 0; i < received.size(); i++) {
            byte[] p = received.get(i);
            assertThat(Rtp.payloadType(p)).isEqualTo(8);
            assertThat(Rtp.ssrc(p)).isNotEqualTo(caller.ssrc);
            assertThat(Rtp.sequence(p)).isEqualTo((firstSequence + i) & 0xFFFF);
            assertThat(java.util.Arrays.copyOfRange(p, 12, p.length)).isEqualTo(expected);
        }
        assertThat(Rtp.marker(received.get(0))).as("a new stream starts with the marker").isTrue();
    }

    @Test
    void telephoneEventsAreDetectedOnceAndPassedOnWithTheOtherLegsPayloadType() throws Exception {
        MediaSession session = engine.openSession("call-2", listener);
        Endpoint[] legs = call(session);
        int ts = 90_000;
        for (char digit : new char[] {'1', '1', '#'}) {
            int event = digit == '#' ? 11 : digit - '0';
            for (int i = 1; i <= 3; i++) {
                caller.sendRtp(legs[0].port(), 101, event(event, false, 160 * i), i == 1, ts);
            }
            for (int i = 0; i < 3; i++) {
                caller.sendRtp(legs[0].port(), 101, event(event, true, 640), false, ts);
            }
            ts += 1600;
        }

        List<byte[]> received = callee.receiveUntilQuiet(400);

        await().atMost(Duration.ofSeconds(2)).until(() -> events.size() == 3);
        assertThat(events).containsExactly("dtmf 1", "dtmf 1", "dtmf #");
        assertThat(received).hasSize(18).allMatch(p -> Rtp.payloadType(p) == 96);
    }

    @Test
    void aPromptIsPacedAt20MillisecondsAndReportsItsEnd() throws Exception {
        MediaSession session = engine.openSession("call-3", listener);
        Endpoint[] legs = call(session);
        short[] tone = ToneGenerator.sine(1000, 8000, 8000, 0.5);
        session.play(legs[1], new Audio("tone", tone), false);

        List<byte[]> received = callee.receiveUntilQuiet(300);

        assertThat(received).hasSize(50);
        assertThat(callee.spanNanos / 1_000_000).as("49 intervals of 20 ms").isBetween(880L, 1200L);
        int firstTimestamp = Rtp.timestamp(received.get(0));
        for (int i = 0; i < received.size(); i++) {
            assertThat(Rtp.timestamp(received.get(i)) - firstTimestamp).isEqualTo(160 * i);
        }
        byte[] audio = java.util.Arrays.copyOfRange(received.get(10), 12, 172);
        assertThat(Goertzel.power(audio, true, 0, 160, 1000)).isGreaterThan(0.8);
        await().atMost(Duration.ofSeconds(1)).until(() -> events.contains("played"));
    }

    @Test
    void aSilentAnsweredCallTimesOutOnce() throws Exception {
        MediaSession session = engine.openSession("call-4", listener);
        call(session);
        session.superviseMedia();

        await().atMost(Duration.ofSeconds(4)).until(() -> timeouts.get() == 1);
        assertThat(timeouts.get()).isEqualTo(1);
    }

    @Test
    void aRecordingIsStereoWithTheCallerLeftAndTheCalleeRight(@TempDir Path dir) throws Exception {
        MediaSession session = engine.openSession("call-5", listener);
        Endpoint[] legs = call(session);
        Path wav = dir.resolve("rec.wav");
        session.record(legs[0], legs[1], wav);
        byte[] low = new byte[160];
        byte[] high = new byte[160];
        short[] toneLow = ToneGenerator.sine(1000, 8000, 160, 0.5);
        short[] toneHigh = ToneGenerator.sine(2000, 8000, 160, 0.5);
        G711.encodeUlaw(toneLow, 0, 160, low, 0);
        G711.encodeAlaw(toneHigh, 0, 160, high, 0);
        long next = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            caller.sendRtp(legs[0].port(), 0, low);
            callee.sendRtp(legs[1].port(), 8, high);
            next += 20_000_000L;
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
        }
        session.close();

        await().atMost(Duration.ofSeconds(3)).until(() -> recorded.get() != null);
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(file.getShort(22)).as("channels").isEqualTo((short) 2);
        int frames = file.getInt(40) / 4;
        assertThat(frames).isBetween(8000 * 19 / 10, 8000 * 21 / 10);
        assertThat(recordedLength.get().toMillis()).isBetween(1900L, 2100L);
        short[] left = new short[800];
        short[] right = new short[800];
        for (int i = 0; i < 800; i++) {
            int at = 44 + 4 * (8000 + i); // one second in
            left[i] = file.getShort(at);
            right[i] = file.getShort(at + 2);
        }
        assertThat(Goertzel.power(left, 0, 800, 1000, 8000)).isGreaterThan(0.8);
        assertThat(Goertzel.power(right, 0, 800, 2000, 8000)).isGreaterThan(0.8);
    }

    private static byte[] event(int event, boolean end, int duration) {
        return new byte[] {
            (byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration
        };
    }
}
