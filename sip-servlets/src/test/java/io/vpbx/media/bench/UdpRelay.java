package io.vpbx.media.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The baseline: the least a media relay can do with the engine's topology. Two sockets per call;
 * what arrives on one is sent from the other to the opposite phone, whose address comes from its
 * "SDP" and is replaced by the source of its packets (latching, without the engine's protection).
 * Threads own whole calls as the engine's media threads do; no header is read or rewritten, nothing
 * is counted per stream, there is no clock. Whatever the engine costs above this is its own work.
 */
final class UdpRelay implements AutoCloseable {
    static final String THREAD_PREFIX = "bench-relay-";
    private static final int READS_PER_KEY = 32;

    private final List<Worker> workers = new ArrayList<>();

    /** One call's side: the socket a phone sends to, and where the opposite side's packets go. */
    private static final class Leg {
        final DatagramChannel channel;
        SocketAddress phone;
        Leg other;

        Leg(DatagramChannel channel, SocketAddress phone) {
            this.channel = channel;
            this.phone = phone;
        }
    }

    UdpRelay(int threads) throws IOException {
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(THREAD_PREFIX + i));
        }
    }

    /**
     * A call: two sockets, phone A sending to the first, phone B to the second. Returns their
     * ports.
     */
    int[] addCall(int call, Ports ports, int phoneA, int phoneB) throws IOException {
        Leg a = new Leg(ports.bind(), new InetSocketAddress(Ports.LOOPBACK, phoneA));
        Leg b = new Leg(ports.bind(), new InetSocketAddress(Ports.LOOPBACK, phoneB));
        a.other = b;
        b.other = a;
        Worker worker = workers.get(call % workers.size());
        a.channel.register(worker.selector, SelectionKey.OP_READ, a);
        b.channel.register(worker.selector, SelectionKey.OP_READ, b);
        worker.legs.add(a);
        worker.legs.add(b);
        return new int[] {a.channel.socket().getLocalPort(), b.channel.socket().getLocalPort()};
    }

    void start() {
        workers.forEach(Thread::start);
    }

    long packetsIn() {
        long sum = 0;
        for (Worker worker : workers) {
            sum += worker.packetsIn;
        }
        return sum;
    }

    @Override
    public void close() {
        for (Worker worker : workers) {
            worker.running = false;
            worker.selector.wakeup();
        }
        for (Worker worker : workers) {
            try {
                worker.join(5_000);
                worker.selector.close();
                for (Leg leg : worker.legs) {
                    leg.channel.close();
                }
            } catch (IOException ignored) {
                // the ports are released either way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Worker extends Thread {
        final Selector selector;
        final List<Leg> legs = new ArrayList<>();
        final ByteBuffer buffer = ByteBuffer.allocate(2048);
        volatile boolean running = true;
        long packetsIn;

        Worker(String name) throws IOException {
            super(name);
            setDaemon(true);
            selector = Selector.open();
        }

        @Override
        public void run() {
            Consumer<SelectionKey> relay = this::relay;
            while (running) {
                try {
                    selector.select(relay, 100);
                } catch (IOException | ClosedSelectorException e) {
                    return;
                }
            }
        }

        private void relay(SelectionKey key) {
            Leg leg = (Leg) key.attachment();
            for (int i = 0; i < READS_PER_KEY; i++) {
                buffer.clear();
                SocketAddress source;
                try {
                    source = leg.channel.receive(buffer);
                } catch (IOException e) {
                    return;
                }
                if (source == null) {
                    return;
                }
                packetsIn++;
                if (!source.equals(leg.phone)) {
                    leg.phone = source;
                }
                buffer.flip();
                try {
                    leg.other.channel.send(buffer, leg.other.phone);
                } catch (IOException e) {
                    // counted as loss by the receiving phone
                }
            }
        }
    }
}
