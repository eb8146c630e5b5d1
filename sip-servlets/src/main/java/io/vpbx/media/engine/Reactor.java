package io.vpbx.media.engine;

import io.vpbx.media.api.Codec;
import io.vpbx.media.codec.G711;
import io.vpbx.media.rtp.Rtcp;
import io.vpbx.media.rtp.Rtp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One media thread: a selector over the sockets of its sessions, and the 20 ms clock that paces
 * prompts and music and cuts recording frames for all of them (no thread per call). Commands from
 * SIP threads arrive as tasks; nothing else touches the sessions' media state, so the packet path
 * has no locks, and it allocates nothing.
 */
final class Reactor extends Thread {
    private static final Logger LOG = Logger.getLogger(Reactor.class.getName());
    static final long TICK_NANOS = 20_000_000L;
    private static final int TICKS_PER_SECOND = 50;

    /** A latched source silent this long may be replaced by a new one (NAT rebinding). */
    private static final long RELATCH_NANOS = 2_000_000_000L;

    /** RFC 3550 §6.2: a report about every 5 s, randomised by ±50 %. */
    private static final long RTCP_INTERVAL_NANOS = 5_000_000_000L;

    private static final int READS_PER_KEY = 32;

    private final RtpEngine engine;
    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<SessionImpl> sessions = new ArrayList<>();
    private final ByteBuffer in = ByteBuffer.allocate(2048);
    private final byte[] inBytes = in.array();
    private final ByteBuffer out = ByteBuffer.allocate(2048);
    private final byte[] outBytes = out.array();
    private final short[] pcm = new short[2048];
    private final byte[] cname;
    private volatile boolean running = true;
    private long nextTick;
    private long ticks;

    long packetsIn;
    long packetsOut;
    long dropped;
    volatile int sessionCount;
    volatile int endpointCount;
    private int endpoints;

    Reactor(RtpEngine engine, int index) throws IOException {
        super("vpbx-media-" + index);
        setDaemon(true);
        this.engine = engine;
        this.selector = Selector.open();
        this.cname = Rtcp.cname("vpbx@" + engine.settings.advertisedAddress());
    }

    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    void shutdown() {
        running = false;
        selector.wakeup();
    }

    void openSession(SessionImpl session) {
        execute(
                () -> {
                    sessions.add(session);
                    sessionCount = sessions.size();
                });
    }

    void attach(EndpointImpl endpoint) {
        if (endpoint.session.closed) {
            close(endpoint);
            return;
        }
        try {
            endpoint.rtp.register(selector, SelectionKey.OP_READ, endpoint);
            endpoint.rtcp.register(selector, SelectionKey.OP_READ, endpoint);
        } catch (ClosedChannelException e) {
            close(endpoint);
            return;
        }
        endpoint.session.endpoints.add(endpoint);
        endpointCount = ++endpoints;
    }

    void detach(EndpointImpl endpoint) {
        if (endpoint.session.endpoints.remove(endpoint)) {
            endpointCount = --endpoints;
        }
        close(endpoint);
    }

    void closeSession(SessionImpl session) {
        if (session.closed) {
            return;
        }
        if (session.recording != null) {
            session.recording.finish(engine.writer);
        }
        session.closed = true;
        for (EndpointImpl endpoint : new ArrayList<>(session.endpoints)) {
            detach(endpoint);
        }
        sessions.remove(session);
        sessionCount = sessions.size();
    }

    private void close(EndpointImpl endpoint) {
        endpoint.closed = true;
        if (endpoint.peer != null) {
            endpoint.peer.peer = null;
            endpoint.peer = null;
        }
        closeQuietly(endpoint.rtp);
        closeQuietly(endpoint.rtcp);
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the port is released either way
        }
    }

    @Override
    public void run() {
        nextTick = System.nanoTime() + TICK_NANOS;
        while (running) {
            try {
                loop();
            } catch (RuntimeException | Error e) {
                // One bad packet or task must not silence every call on this thread.
                LOG.log(Level.SEVERE, "Media thread error", e);
            }
        }
        for (SessionImpl session : new ArrayList<>(sessions)) {
            closeSession(session);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }

    private void loop() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
        long now = System.nanoTime();
        if (now >= nextTick) {
            tick(now);
            nextTick += TICK_NANOS;
            if (now - nextTick > 5 * TICK_NANOS) {
                nextTick = now + TICK_NANOS; // far behind (a paused JVM): do not burst to catch up
            }
            return;
        }
        try {
            // select(Consumer) hands each ready key over without the selected-key set: no node
            // per key and no iterator per wake-up (the set allocated ~30-100 bytes per packet).
            selector.select(readKey, Math.max(1, (nextTick - now) / 1_000_000));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Media selector failed", e);
        }
    }

    private final java.util.function.Consumer<SelectionKey> readKey = this::read;

    private void read(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        long arrival = System.nanoTime();
        EndpointImpl endpoint = (EndpointImpl) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
        boolean rtcpPort = channel == endpoint.rtcp;
        for (int i = 0; i < READS_PER_KEY && !endpoint.closed; i++) {
            in.clear();
            SocketAddress source;
            try {
                source = channel.receive(in);
            } catch (IOException e) {
                break;
            }
            if (source == null) {
                break;
            }
            packetsIn++;
            int length = in.position();
            if (rtcpPort || Rtp.isRtcp(inBytes, length)) {
                rtcp(endpoint, (InetSocketAddress) source, length, arrival, !rtcpPort);
            } else {
                rtp(endpoint, (InetSocketAddress) source, length, arrival);
            }
        }
    }

    private void rtp(EndpointImpl e, InetSocketAddress source, int length, long now) {
        byte[] p = inBytes;
        Wire wire = e.wire;
        if (wire.codec() == null || !Rtp.valid(p, length)) {
            dropped++;
            return;
        }
        if (e.latched == null || e.latchedGeneration != wire.generation()) {
            // Learning: the first packet after the phone's SDP shows its real (NATed) source.
            e.latched = source;
            e.latchedGeneration = wire.generation();
        } else if (!source.equals(e.latched)) {
            if (now - e.latchedLastNanos < RELATCH_NANOS) {
                dropped++; // another source while ours is alive: injection ("RTP bleed")
                return;
            }
            e.latched = source;
        }
        e.latchedLastNanos = now;
        e.lastRtpNanos = now;
        e.session.lastRtpNanos = now;
        int ssrc = Rtp.ssrc(p);
        int sequence = Rtp.sequence(p);
        int timestamp = Rtp.timestamp(p);
        e.receiving.packet(ssrc, sequence, timestamp, now / 125_000L);
        int payloadType = Rtp.payloadType(p);
        int offset = Rtp.payloadOffset(p, length);
        int payload = Rtp.payloadLength(p, length);
        boolean marker = Rtp.marker(p);
        if (payloadType >= 96
                && (payloadType == wire.receiveEventType()
                        || payloadType == wire.sendEventType())) {
            e.events.packet(timestamp, marker, p, offset, payload, e);
            relay(e, p, offset, payload, true, null, ssrc, timestamp, marker, now);
            return;
        }
        Codec codec =
                payloadType == Codec.PCMU.payloadType
                        ? Codec.PCMU
                        : payloadType == Codec.PCMA.payloadType ? Codec.PCMA : null;
        if (codec == null) {
            return; // comfort noise and anything we did not negotiate: not relayed
        }
        Recording recording = e.session.recording;
        boolean decoded = false;
        if (recording != null && payload <= pcm.length) {
            if (e == recording.left || e == recording.right) {
                decode(codec, p, offset, payload);
                decoded = true;
                (e == recording.left ? recording.leftSamples : recording.rightSamples)
                        .write(pcm, 0, payload);
            }
        }
        if (wire.receiveEventType() < 0 && wire.sendEventType() < 0 && payload <= pcm.length) {
            // The phone negotiated no telephone-event: listen for in-band tones instead.
            if (!decoded) {
                decode(codec, p, offset, payload);
            }
            e.tones.samples(pcm, 0, payload, e);
        }
        relay(e, p, offset, payload, false, codec, ssrc, timestamp, marker, now);
    }

    private void decode(Codec codec, byte[] p, int offset, int length) {
        if (codec == Codec.PCMU) {
            G711.decodeUlaw(p, offset, length, pcm, 0);
        } else {
            G711.decodeAlaw(p, offset, length, pcm, 0);
        }
    }

    /** Passes a packet to the bridged endpoint under that leg's own SSRC, sequence and codec. */
    private void relay(
            EndpointImpl from,
            byte[] p,
            int offset,
            int length,
            boolean event,
            Codec codec,
            int ssrc,
            int timestamp,
            boolean marker,
            long now) {
        EndpointImpl to = from.peer;
        if (to == null || to.playing != null || length + Rtp.HEADER > outBytes.length) {
            return;
        }
        Wire wire = to.wire;
        InetSocketAddress target = target(to, wire);
        if (target == null || !wire.remoteReceives() || wire.codec() == null) {
            return;
        }
        int payloadType;
        if (event) {
            payloadType = wire.sendEventType();
            if (payloadType < 0) {
                return; // the other phone takes no telephone-events
            }
            System.arraycopy(p, offset, outBytes, Rtp.HEADER, length);
        } else {
            payloadType = wire.sendPayloadType();
            if (codec == wire.codec()) {
                System.arraycopy(p, offset, outBytes, Rtp.HEADER, length);
            } else if (codec == Codec.PCMU) {
                G711.ulawToAlaw(p, offset, outBytes, Rtp.HEADER, length);
            } else {
                G711.alawToUlaw(p, offset, outBytes, Rtp.HEADER, length);
            }
        }
        if (!to.relaying || to.relaySsrc != ssrc) {
            // A new source for this leg: continue our own timestamps from where they were.
            to.relayOffset = nextTimestamp(to, now) - timestamp;
            to.relaying = true;
            to.relaySsrc = ssrc;
            to.marker = true;
        }
        send(to, target, marker || to.marker, payloadType, timestamp + to.relayOffset, length, now);
    }

    private static InetSocketAddress target(EndpointImpl e, Wire wire) {
        if (e.latched != null && e.latchedGeneration == wire.generation()) {
            return e.latched;
        }
        return wire.remote();
    }

    /** The timestamp that follows our last packet, advanced by the time since then. */
    private static int nextTimestamp(EndpointImpl e, long now) {
        if (e.lastSentNanos == 0) {
            return e.timestamp;
        }
        long elapsed = (now - e.lastSentNanos) / 125_000L; // 8 kHz ticks
        long frames = Math.max(1, Math.round(elapsed / 160.0));
        return e.timestamp + (int) (frames * 160);
    }

    private void send(
            EndpointImpl e,
            InetSocketAddress target,
            boolean marker,
            int payloadType,
            int timestamp,
            int payload,
            long now) {
        e.sequence = (e.sequence + 1) & 0xFFFF;
        Rtp.writeHeader(outBytes, marker, payloadType, e.sequence, timestamp, e.ssrc);
        out.clear();
        out.limit(Rtp.HEADER + payload);
        try {
            e.rtp.send(out, target);
        } catch (IOException failed) {
            dropped++;
            return;
        }
        packetsOut++;
        e.marker = false;
        e.timestamp = timestamp;
        e.lastSentNanos = now;
        e.packetsSent++;
        e.octetsSent += payload;
        if (e.nextRtcpNanos == 0) {
            e.nextRtcpNanos = now + RTCP_INTERVAL_NANOS / 2;
        }
    }

    /** RTCP ends here (we terminate it per leg): it is read, never relayed. */
    private void rtcp(
            EndpointImpl e, InetSocketAddress source, int length, long now, boolean muxed) {
        if (!Rtcp.valid(inBytes, length)) {
            dropped++;
            return;
        }
        InetSocketAddress expected = target(e, e.wire);
        if (expected == null || !expected.getAddress().equals(source.getAddress())) {
            dropped++;
            return;
        }
        e.rtcpTarget = source;
        e.rtcpMux = muxed;
        long lsr = Rtcp.lastSenderReport(inBytes, length);
        if (lsr >= 0) {
            e.lastSrNtpMiddle = lsr;
            e.lastSrArrivalNanos = now;
        }
    }

    private void tick(long now) {
        ticks++;
        boolean second = ticks % TICKS_PER_SECOND == 0;
        for (int s = 0; s < sessions.size(); s++) {
            SessionImpl session = sessions.get(s);
            List<EndpointImpl> list = session.endpoints;
            for (int i = 0; i < list.size(); i++) {
                EndpointImpl e = list.get(i);
                if (e.playing != null) {
                    playFrame(e, now);
                }
                if (second && e.nextRtcpNanos != 0 && now >= e.nextRtcpNanos) {
                    report(e, now);
                }
            }
            if (session.recording != null && !session.recording.finished) {
                session.recording.tick(engine.writer);
            }
            if (second) {
                supervise(session, now);
            }
        }
    }

    private void playFrame(EndpointImpl e, long now) {
        io.vpbx.media.api.Audio audio = e.playing;
        Wire wire = e.wire;
        InetSocketAddress target = target(e, wire);
        boolean sending = target != null && wire.remoteReceives() && wire.codec() != null;
        int frame = Recording.FRAME_SAMPLES;
        int length = audio.length();
        for (int i = 0; i < frame; i++) {
            short sample;
            if (e.playPosition < length) {
                sample = audio.sample(e.playPosition++);
            } else if (e.playLoop && length > 0) {
                e.playPosition = 0;
                sample = audio.sample(e.playPosition++);
            } else {
                sample = 0;
            }
            if (sending) {
                outBytes[Rtp.HEADER + i] =
                        wire.codec() == Codec.PCMU
                                ? G711.linearToUlaw(sample)
                                : G711.linearToAlaw(sample);
            }
        }
        if (sending) {
            int timestamp;
            boolean marker = false;
            if (!e.playerStarted) {
                timestamp = nextTimestamp(e, now);
                marker = true;
                e.playerStarted = true;
                e.relaying = false;
            } else {
                timestamp = e.timestamp + frame;
            }
            send(e, target, marker, wire.sendPayloadType(), timestamp, frame, now);
        }
        if (!e.playLoop && e.playPosition >= length) {
            e.playing = null;
            e.relaying = false;
            e.session.listener.playFinished(e);
        }
    }

    private void report(EndpointImpl e, long now) {
        long jitter =
                RTCP_INTERVAL_NANOS / 2 + ThreadLocalRandom.current().nextLong(RTCP_INTERVAL_NANOS);
        e.nextRtcpNanos = now + jitter;
        InetSocketAddress rtpTarget = target(e, e.wire);
        InetSocketAddress destination = e.rtcpTarget;
        if (destination == null) {
            if (rtpTarget == null) {
                return;
            }
            destination = new InetSocketAddress(rtpTarget.getAddress(), rtpTarget.getPort() + 1);
            e.rtcpTarget = destination;
        }
        long lsr = e.lastSrArrivalNanos == 0 ? 0 : e.lastSrNtpMiddle;
        long dlsr =
                e.lastSrArrivalNanos == 0
                        ? 0
                        : ((now - e.lastSrArrivalNanos) << 16) / 1_000_000_000L;
        int length =
                Rtcp.writeReport(
                        outBytes,
                        e.ssrc,
                        Rtcp.ntp(System.currentTimeMillis()),
                        nextTimestamp(e, now),
                        e.packetsSent,
                        e.octetsSent,
                        e.receiving,
                        lsr,
                        dlsr,
                        cname);
        out.clear();
        out.limit(length);
        try {
            (e.rtcpMux ? e.rtp : e.rtcp).send(out, destination);
            packetsOut++;
        } catch (IOException failed) {
            dropped++;
        }
    }

    private void supervise(SessionImpl session, long now) {
        if (!session.supervised || session.timedOut) {
            return;
        }
        boolean held = false;
        for (EndpointImpl e : session.endpoints) {
            held |= e.wire.holding();
        }
        long limit =
                (held ? engine.settings.holdTimeout() : engine.settings.mediaTimeout()).toNanos();
        long last = Math.max(session.lastRtpNanos, session.supervisedSinceNanos);
        if (now - last > limit) {
            session.timedOut = true;
            session.listener.mediaTimeout();
        }
    }
}
