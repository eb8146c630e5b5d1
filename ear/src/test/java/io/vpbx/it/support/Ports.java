package io.vpbx.it.support;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free UDP ports on 127.0.0.1 for the SIP peers a test starts. */
public final class Ports {
    private Ports() {}

    public static int freeUdp() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /**
     * A port free for UDP and TCP whose neighbour is free for both too: baresip listens on the port
     * (UDP and TCP) and on port + 1 (TLS).
     */
    public static int freeUdpPair() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freeUdp();
            if (port >= 65_535) {
                continue;
            }
            try (DatagramSocket udp1 = new DatagramSocket(port + 1, loopback);
                    ServerSocket tcp0 = new ServerSocket(port, 1, loopback);
                    ServerSocket tcp1 = new ServerSocket(port + 1, 1, loopback)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no pair of free ports");
    }
}
