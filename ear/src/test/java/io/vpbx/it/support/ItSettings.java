package io.vpbx.it.support;

import java.nio.file.Path;

/**
 * Where the integration-test server is. Client-side tests get these from Failsafe's system
 * properties; code running inside the server finds the data directory in the server's own {@code
 * vpbx.data.dir}.
 */
public final class ItSettings {
    private ItSettings() {}

    public static int portOffset() {
        return Integer.getInteger(
                "vpbx.it.offset", Integer.getInteger("jboss.socket.binding.port-offset", 100));
    }

    /** The console's base URL, without a trailing slash. */
    public static String baseUrl() {
        return "http://localhost:" + (8080 + portOffset());
    }

    public static int sipPort() {
        return 5060 + portOffset();
    }

    public static Path dataDirectory() {
        String dir = System.getProperty("vpbx.it.data", System.getProperty("vpbx.data.dir"));
        if (dir == null) {
            throw new IllegalStateException("neither vpbx.it.data nor vpbx.data.dir is set");
        }
        return Path.of(dir);
    }

    public static Path earFile() {
        return Path.of(System.getProperty("vpbx.it.ear", "target/vpbx.ear"));
    }

    /** The sipp scenarios ({@code sip-servlets/src/test/sipp}), for tests inside the server too. */
    public static Path sippScenarios() {
        return Path.of(
                        System.getProperty(
                                "vpbx.it.sipp",
                                Path.of("..", "sip-servlets", "src", "test", "sipp").toString()))
                .toAbsolutePath()
                .normalize();
    }

    public static Path reportDirectory() {
        return Path.of(System.getProperty("vpbx.it.reports", "target/it-reports"));
    }
}
