package io.vpbx.media.bench;

import io.vpbx.media.rtp.Rtp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The phones of a run: two per call, each an RTP/RTCP port pair on loopback sending a 20 ms G.711
 * frame (12-byte header, 160 bytes of a 1 kHz tone) 50 times a second under its own SSRC, sequence
 * and timestamp. One sender thread paces all of them, their phases spread evenly over the period as
 * real phones' are; one receiver thread reads every phone's sockets and keeps, per stream, the
 * packets received, the sequence gaps, and how far each inter-arrival time is from 20 ms.
 *
 * <p>Both threads allocate nothing per packet, so the generator does not disturb the allocation
 * figures of what it drives, and it stays the same for the engine and the baseline.
 */
final class LoadGenerator implements AutoCloseable {
    static final long PERIOD_NANOS = 20_000_000L;
    static final int FRAME = 160;
    private static final int READS_PER_KEY = 64;

    private final int count;
    private final DatagramChannel[] rtp;
    private final DatagramChannel[] rtcp;
    private final InetSocketAddress[] targets;
    private final int[] payloadTypes;
    private final byte[][] payloads;

    // Sender thread state.
    private final int[] ssrc;
    private final int[] sequence;
    private final int[] timestamp;
    private final DeviationHistogram lateness = new DeviationHistogram();
    private volatile long sent;
    private volatile long sendFailures;
    private volatile long senderLoops;

    // Receiver thread state.
    private final long[] received;
    private final long[] lastArrival;
    private final int[] lastTimestamp;
    private final int[] lastSequence;
    private final DeviationHistogram deviation = new DeviationHistogram();
    private volatile long receivedTotal;
    private volatile long sequenceGaps;
    private volatile long rtcpReceived;
    private volatile long receiverLoops;

    private volatile boolean measuring;
    private volatile boolean running = true;
    private final Thread sender = new Thread(this::sendLoop, "bench-phones-sender");
    private final Thread receiver = new Thread(this::receiveLoop, "bench-phones-receiver");
    private final Selector selector;

    /** One phone's socket as the receiver sees it. */
    private record Socket(int stream, boolean rtcp) {}

    /** Counters at one moment. */
    record Counters(long sent, long sendFailures, long received, long gaps, long rtcp) {}

    LoadGenerator(int phones, Ports ports) throws IOException {
        this.count = phones;
        this.rtp = new DatagramChannel[phones];
        this.rtcp = new DatagramChannel[phones];
        this.targets = new InetSocketAddress[phones];
        this.payloadTypes = new int[phones];
        this.payloads = new byte[phones][];
        this.ssrc = new int[phones];
        this.sequence = new int[phones];
        this.timestamp = new int[phones];
        this.received = new long[phones];
        this.lastArrival = new long[phones];
        this.lastTimestamp = new int[phones];
        this.lastSequence = new int[phones];
        this.selector = Selector.open();
        java.util.Random random = new java.util.Random(phones);
        for (int i = 0; i < phones; i++) {
            DatagramChannel[] pair = ports.bind(2);
            rtp[i] = pair[0];
            rtcp[i] = pair[1];
            rtp[i].register(selector, SelectionKey.OP_READ, new Socket(i, false));
            rtcp[i].register(selector, SelectionKey.OP_READ, new Socket(i, true));
            ssrc[i] = random.nextInt();
            sequence[i] = random.nextInt(1 << 16);
            timestamp[i] = random.nextInt();
        }
    }

    int port(int phone) {
        return rtp[phone].socket().getLocalPort();
    }

    /** What the phone sends, to which port: set for every phone before {@link #start}. */
    void sendTo(int phone, int port, int payloadType, byte[] frame) {
        targets[phone] = new InetSocketAddress(Ports.LOOPBACK, port);
        payloadTypes[phone] = payloadType;
        payloads[phone] = frame.clone();
    }

    /** The phone's SDP, offer or answer: one audio stream on its port with these formats. */
    String sdp(int phone, String formats, String rtpmaps) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio "
                + port(phone)
                + " RTP/AVP "
                + formats
                + "\r\n"
                + rtpmaps
                + "a=sendrecv\r\n";
    }

    void start() {
        sender.setDaemon(true);
        receiver.setDaemon(true);
        receiver.start();
        sender.start();
    }

    /** Starts the window the histograms cover (they record nothing before). */
    void startMeasuring() {
        lateness.clear();
        deviation.clear();
        measuring = true;
    }

    /** Ends the window; the histograms are then stable to read. */
    void stopMeasuring() {
        measuring = false;
        // Both threads may be inside one add(): wait until each has gone round its loop twice.
        long s = senderLoops;
        long r = receiverLoops;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while ((senderLoops < s + 2 || receiverLoops < r + 2) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** Stops sending; the receiver goes on counting what is still in flight. */
    void stopSending() throws InterruptedException {
        running = false;
        sender.join(5_000);
    }

    Counters counters() {
        return new Counters(sent, sendFailures, receivedTotal, sequenceGaps, rtcpReceived);
    }

    DeviationHistogram deviation() {
        return deviation;
    }

    DeviationHistogram lateness() {
        return lateness;
    }

    /** Phones that received nothing at all (a broken relay path rather than loss). */
    int silentPhones() {
        int silent = 0;
        for (long r : received) {
            if (r == 0) {
                silent++;
            }
        }
        return silent;
    }

    long threadId(boolean senderThread) {
        return (senderThread ? sender : receiver).getId();
    }

    private void sendLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(Rtp.HEADER + FRAME);
        byte[] bytes = buffer.array();
        long start = System.nanoTime() + PERIOD_NANOS;
        long n = 0;
        while (running) {
            senderLoops++;
            int stream = (int) (n % count);
            long deadline = start + (n / count) * PERIOD_NANOS + stream * PERIOD_NANOS / count;
            long now = System.nanoTime();
            if (now < deadline) {
                LockSupport.parkNanos(deadline - now);
                continue;
            }
            if (measuring) {
                lateness.add(now - deadline);
            }
            Rtp.writeHeader(
                    bytes,
                    n < count,
                    payloadTypes[stream],
                    sequence[stream],
                    timestamp[stream],
                    ssrc[stream]);
            System.arraycopy(payloads[stream], 0, bytes, Rtp.HEADER, FRAME);
            buffer.clear();
            try {
                if (rtp[stream].send(buffer, targets[stream]) == 0) {
                    sendFailures++;
                }
            } catch (IOException e) {
                sendFailures++;
            }
            sequence[stream] = (sequence[stream] + 1) & 0xFFFF;
            timestamp[stream] += FRAME;
            sent++;
            n++;
        }
    }

    private void receiveLoop() {
        ByteBuffer in = ByteBuffer.allocate(2048);
        byte[] bytes = in.array();
        boolean[] started = new boolean[count];
        Consumer<SelectionKey> read =
                key -> {
                    Socket socket = (Socket) key.attachment();
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    int s = socket.stream();
                    for (int i = 0; i < READS_PER_KEY; i++) {
                        in.clear();
                        try {
                            if (channel.receive(in) == null) {
                                return;
                            }
                        } catch (IOException e) {
                            return;
                        }
                        long arrival = System.nanoTime();
                        int length = in.position();
                        if (socket.rtcp() || length < Rtp.HEADER || Rtp.isRtcp(bytes, length)) {
                            rtcpReceived++;
                            continue;
                        }
                        int seq = Rtp.sequence(bytes);
                        int ts = Rtp.timestamp(bytes);
                        received[s]++;
                        receivedTotal++;
                        if (started[s]) {
                            int ahead = (seq - lastSequence[s]) & 0xFFFF;
                            if (ahead > 1 && ahead < 0x8000) {
                                sequenceGaps += ahead - 1;
                            }
                            if (measuring && ts - lastTimestamp[s] == FRAME) {
                                deviation.add(arrival - lastArrival[s] - PERIOD_NANOS);
                            }
                        }
                        started[s] = true;
                        lastSequence[s] = seq;
                        lastTimestamp[s] = ts;
                        lastArrival[s] = arrival;
                    }
                };
        while (!Thread.currentThread().isInterrupted() && selector.isOpen()) {
            receiverLoops++;
            try {
                selector.select(read, 100);
            } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        receiver.interrupt();
        try {
            sender.join(5_000);
            selector.close();
            receiver.join(5_000);
            for (int i = 0; i < count; i++) {
                rtp[i].close();
                rtcp[i].close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
