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
 * @param advertised the address phones reach us at, for Via and Contact headers: {@code
 *     vpbx.sip.advertised-address} if set, else the bound address, else (bound to all interfaces)
 *     the host's first non-loopback IPv4 address
 */
record SipTransportSettings(String address, int port, String advertised) {
    static SipTransportSettings fromServer() {
        int base = Integer.getInteger("vpbx.sip.port", 5060);
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        String bind = System.getProperty("jboss.bind.address", "127.0.0.1");
        String configured = System.getProperty("vpbx.sip.advertised-address", "");
        String advertised =
                !configured.isBlank()
                        ? configured.strip()
                        : "0.0.0.0".equals(bind) ? firstSiteAddress().orElse("127.0.0.1") : bind;
        return new SipTransportSettings(bind, base + offset, advertised);
    }

    private static java.util.Optional<String> firstSiteAddress() {
        try {
            return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                    .stream()
                    .filter(
                            i -> {
                                try {
                                    return i.isUp() && !i.isLoopback();
                                } catch (java.net.SocketException e) {
                                    return false;
                                }
                            })
                    .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof java.net.Inet4Address)
                    .map(java.net.InetAddress::getHostAddress)
                    .findFirst();
        } catch (java.net.SocketException e) {
            return java.util.Optional.empty();
        }
    }
}
