package io.vpbx.it.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SIP UAC over UDP for what sipp cannot do: answer the SHA-256 challenge (RFC 8760). It
 * writes REGISTER requests by hand and reads the responses as text, so the test sees exactly what
 * went over the wire.
 */
public final class SipRegisterClient implements AutoCloseable {
    private static final Pattern CHALLENGE =
            Pattern.compile("(?m)^WWW-Authenticate: *Digest (.*)$");

    private final DatagramSocket socket;
    private final String domain;
    private final String login;
    private final String callId = UUID.randomUUID() + "@test";
    private int cseq;

    /** What one request got back. */
    public record Exchange(int status, String response) {
        /** The WWW-Authenticate headers, in order. */
        public List<String> challenges() {
            List<String> found = new ArrayList<>();
            Matcher m = CHALLENGE.matcher(response);
            while (m.find()) {
                found.add(m.group(1).trim());
            }
            return found;
        }
    }

    public SipRegisterClient(String localIp, String domain, String login) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localIp), 0));
        this.socket.setSoTimeout(5000);
        this.domain = domain;
        this.login = login;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** REGISTER without credentials. */
    public Exchange register(int expires) throws IOException {
        return send(expires, null);
    }

    /** REGISTER answering a challenge with the given algorithm ({@code MD5} or {@code SHA-256}). */
    public Exchange register(int expires, String challenge, String algorithm, String password)
            throws IOException {
        String nonce = param(challenge, "nonce");
        String realm = param(challenge, "realm");
        String uri = "sip:" + domain;
        String nc = "00000001";
        String cnonce = Long.toHexString(System.nanoTime());
        String ha1 = hash(algorithm, login + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, "REGISTER:" + uri);
        String response =
                hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        String authorization =
                "Authorization: Digest username=\""
                        + login
                        + "\",realm=\""
                        + realm
                        + "\",nonce=\""
                        + nonce
                        + "\",uri=\""
                        + uri
                        + "\",response=\""
                        + response
                        + "\",algorithm="
                        + algorithm
                        + ",qop=auth,nc="
                        + nc
                        + ",cnonce=\""
                        + cnonce
                        + "\"\r\n";
        return send(expires, authorization);
    }

    private Exchange send(int expires, String authorization) throws IOException {
        cseq++;
        String local = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        String request =
                "REGISTER sip:"
                        + domain
                        + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP "
                        + local
                        + ";branch=z9hG4bK"
                        + UUID.randomUUID().toString().replace("-", "")
                        + ";rport\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "From: <sip:"
                        + login
                        + "@"
                        + domain
                        + ">;tag=t"
                        + cseq
                        + "\r\n"
                        + "To: <sip:"
                        + login
                        + "@"
                        + domain
                        + ">\r\n"
                        + "Call-ID: "
                        + callId
                        + "\r\n"
                        + "CSeq: "
                        + cseq
                        + " REGISTER\r\n"
                        + "Contact: <sip:"
                        + login
                        + "@"
                        + local
                        + ">\r\n"
                        + "Expires: "
                        + expires
                        + "\r\n"
                        + "User-Agent: vpbx-it-sha256\r\n"
                        + (authorization == null ? "" : authorization)
                        + "Content-Length: 0\r\n\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        socket.send(
                new DatagramPacket(
                        bytes,
                        bytes.length,
                        new InetSocketAddress("127.0.0.1", ItSettings.sipPort())));
        byte[] buffer = new byte[65_535];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return new Exchange(0, "");
            }
            String response = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(8, 11));
            if (status >= 200 && response.contains("CSeq: " + cseq + " REGISTER")) {
                return new Exchange(status, response);
            }
        }
    }

    private static String param(String challenge, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\",]+)\"?").matcher(challenge);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in " + challenge);
        }
        return m.group(1);
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance(algorithm)
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
