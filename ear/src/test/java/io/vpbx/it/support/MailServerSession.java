package io.vpbx.it.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test mail server once for the whole test run, before any test (the server may send
 * mail at any time), and stops it at the end. Authentication is off: every address is a mailbox,
 * readable with any password.
 */
public class MailServerSession implements LauncherSessionListener {
    private GreenMail greenMail;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        greenMail =
                new GreenMail(
                        new ServerSetup[] {
                            new ServerSetup(
                                    Mailbox.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                            new ServerSetup(
                                    Mailbox.IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                        });
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
