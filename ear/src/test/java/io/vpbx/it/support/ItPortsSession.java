package io.vpbx.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Tells Arquillian the test server's management port, 9990 moved by the run's port offset ({@code
 * -Dit.port.offset}), before it reads {@code arquillian.xml}: with a fixed port, a second checkout
 * running its tests at another offset would wait for (or talk to) the first one's server.
 */
public class ItPortsSession implements LauncherSessionListener {
    static final String MANAGEMENT_PORT = "vpbx.it.managementPort";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(MANAGEMENT_PORT) == null) {
            System.setProperty(MANAGEMENT_PORT, Integer.toString(9990 + ItSettings.portOffset()));
        }
    }
}
