package io.vpbx.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/**
 * Hands out RTP/RTCP port pairs from the configured range: an even port for RTP and the next one
 * for RTCP (RFC 3550 §11). It cycles through the range so that a port just freed is not reused at
 * once (late packets of the old call must not reach a new one); a port the OS refuses is skipped.
 */
final class PortAllocator {
    private final String bindAddress;
    private final int first;
    private final int pairs;
    private int next;

    PortAllocator(String bindAddress, int firstPort, int portCount) {
        this.bindAddress = bindAddress;
        this.first = firstPort % 2 == 0 ? firstPort : firstPort + 1;
        this.pairs = (portCount - (this.first - firstPort)) / 2;
        if (pairs < 1) {
            throw new IllegalArgumentException("the RTP range holds no port pair");
        }
    }

    /** A bound pair: [RTP, RTCP]. */
    synchronized DatagramChannel[] allocate() throws IOException {
        for (int attempt = 0; attempt < pairs; attempt++) {
            int port = first + 2 * next;
            next = (next + 1) % pairs;
            DatagramChannel rtp = open(port);
            if (rtp == null) {
                continue;
            }
            DatagramChannel rtcp = open(port + 1);
            if (rtcp == null) {
                rtp.close();
                continue;
            }
            return new DatagramChannel[] {rtp, rtcp};
        }
        throw new IOException("no free RTP port pair in the range");
    }

    private DatagramChannel open(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 256 * 1024);
            channel.bind(new InetSocketAddress(bindAddress, port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException inUse) {
            channel.close();
            return null;
        }
    }
}
