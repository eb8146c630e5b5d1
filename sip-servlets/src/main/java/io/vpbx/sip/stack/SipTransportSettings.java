package io.vpbx.sip.stack;

/**
 * Where SIP listens: the {@code vpbx.sip.port} system property (which the server's {@code vpbx-sip}
 * socket binding also resolves) plus the socket-binding group's port offset, on the public
 * interface's address. A test server started with {@code -Djboss.socket.binding.port-offset=100}
 * therefore moves SIP along with HTTP.
 *
 * <p>The values come from system properties rather than from the management model because the model
 * cannot be read from a deployment while the server is still booting, which is when this stack
 * starts.
 *
 * @param address the address to bind
 * @param port the UDP and TCP port
 */
record SipTransportSettings(String address, int port) {
    static SipTransportSettings fromServer() {
        int base = Integer.getInteger("vpbx.sip.port", 5060);
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return new SipTransportSettings(
                System.getProperty("jboss.bind.address", "127.0.0.1"), base + offset);
    }
}
