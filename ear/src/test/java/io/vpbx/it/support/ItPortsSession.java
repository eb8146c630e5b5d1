package io.vpbx.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Publishes the test server's management port ({@code 9990 + it.port.offset}) as the system
 * property {@code vpbx.it.management.port} before Arquillian reads {@code arquillian.xml}, so that
 * a second checkout running with another {@code -Dit.port.offset} waits for its own server instead
 * of timing out on port 10090.
 */
public class ItPortsSession implements LauncherSessionListener {
    static final String MANAGEMENT_PORT = "vpbx.it.management.port";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(MANAGEMENT_PORT) == null) {
            System.setProperty(MANAGEMENT_PORT, Integer.toString(9990 + ItSettings.portOffset()));
        }
    }
}
