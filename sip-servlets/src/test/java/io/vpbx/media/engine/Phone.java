package io.vpbx.media.engine;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A test phone: a UDP socket on loopback that sends and collects RTP. */
final class Phone implements AutoCloseable {
    final DatagramSocket socket;
    private int sequence = 1000;
    private int timestamp = 5000;
    final int ssrc;

    Phone(int ssrc) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        this.ssrc = ssrc;
    }

    int port() {
        return socket.getLocalPort();
    }

    String offer(String formats, String rtpmaps) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio "
                + port()
                + " RTP/AVP "
                + formats
                + "\r\n"
                + rtpmaps
                + "a=sendrecv\r\n";
    }

    void sendRtp(int port, int payloadType, byte[] payload) throws IOException {
        sendRtp(port, payloadType, payload, false, timestamp);
        timestamp += 160;
    }

    void sendRtp(int port, int payloadType, byte[] payload, boolean marker, int ts)
            throws IOException {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        p[2] = (byte) (sequence >> 8);
        p[3] = (byte) sequence;
        sequence++;
        p[4] = (byte) (ts >>> 24);
        p[5] = (byte) (ts >>> 16);
        p[6] = (byte) (ts >>> 8);
        p[7] = (byte) ts;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        System.arraycopy(payload, 0, p, 12, payload.length);
        send(port, p);
    }

    void send(int port, byte[] bytes) throws IOException {
        socket.send(
                new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    /** From the first packet received to the last, by the last {@link #receiveUntilQuiet}. */
    long spanNanos;

    /**
     * Every packet that arrives within {@code quietMillis} of the previous one; the first may take
     * up to 5 s (a loaded machine starts the media thread late, and nothing is lost meanwhile).
     */
    List<byte[]> receiveUntilQuiet(int quietMillis) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        socket.setSoTimeout(5_000);
        byte[] buffer = new byte[2048];
        long first = 0;
        long last = 0;
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                spanNanos = last - first;
                return packets;
            }
            last = System.nanoTime();
            if (packets.isEmpty()) {
                first = last;
                socket.setSoTimeout(quietMillis);
            }
            packets.add(Arrays.copyOf(packet.getData(), packet.getLength()));
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
