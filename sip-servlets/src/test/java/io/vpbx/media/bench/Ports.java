package io.vpbx.media.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/**
 * Binds the bench's own sockets in a fixed port range on loopback, skipping ports that someone else
 * holds (the range overlaps the kernel's ephemeral ports).
 */
final class Ports {
    static final String LOOPBACK = "127.0.0.1";

    /** The same receive buffer the engine gives its sockets, so that neither side has more room. */
    static final int RECEIVE_BUFFER = 256 * 1024;

    private final int first;
    private final int last;
    private int next;

    Ports(int first, int last) {
        this.first = first;
        this.last = last;
        this.next = first;
    }

    /** A non-blocking channel on the next free port. */
    DatagramChannel bind() throws IOException {
        return bind(1)[0];
    }

    /** {@code count} channels on consecutive free ports, the first one even (RTP and RTCP). */
    DatagramChannel[] bind(int count) throws IOException {
        if (count > 1 && next % 2 != 0) {
            next++;
        }
        while (next + count - 1 <= last) {
            int port = next;
            next += count;
            DatagramChannel[] channels = new DatagramChannel[count];
            boolean bound = true;
            for (int i = 0; i < count && bound; i++) {
                channels[i] = open(port + i);
                bound = channels[i] != null;
            }
            if (bound) {
                return channels;
            }
            for (DatagramChannel channel : channels) {
                if (channel != null) {
                    channel.close();
                }
            }
        }
        throw new IOException("no free ports left in " + first + "-" + last);
    }

    private static DatagramChannel open(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(new InetSocketAddress(LOOPBACK, port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException inUse) {
            channel.close();
            return null;
        }
    }
}
