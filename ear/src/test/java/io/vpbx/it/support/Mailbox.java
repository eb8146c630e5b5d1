package io.vpbx.it.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.awaitility.Awaitility;

/**
 * Reads what the test mail server (GreenMail, SMTP 3025 / IMAP 3143 at the default port offset 100,
 * moved with the offset so that two checkouts can run their tests at once; started once per test
 * run) received for one address, over IMAP, so that tests inside the server and in the browser read
 * mail the same way.
 */
public final class Mailbox {
    public static final int SMTP_PORT = 2925 + ItSettings.portOffset();
    public static final int IMAP_PORT = 3043 + ItSettings.portOffset();

    private Mailbox() {}

    /** A received mail, reduced to what tests assert on. */
    public record Mail(String subject, String body) {}

    /** All mails received so far for the address. */
    public static List<Mail> of(String address) {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.host", "127.0.0.1");
        properties.setProperty("mail.imap.port", Integer.toString(IMAP_PORT));
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect(address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(
                        new Mail(
                                message.getSubject(),
                                String.valueOf(message.getContent()).strip()));
            }
            inbox.close(false);
            return mails;
        } catch (MessagingException | IOException e) {
            return List.of();
        }
    }

    /**
     * Waits (bounded) until exactly {@code count} mails arrived for the address, and returns them.
     */
    public static List<Mail> await(String address, int count) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> of(address), mails -> mails.size() >= count);
    }
}
