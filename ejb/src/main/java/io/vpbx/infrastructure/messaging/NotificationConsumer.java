package io.vpbx.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends queued notifications as e-mail. A failure to send throws, so the broker redelivers the
 * message (and after its redelivery limit moves it to the dead-letter queue) instead of the mail
 * being lost.
 *
 * <p>Mails may carry credentials, so neither the body nor the values are ever logged.
 * {@code @PermitAll} because the broker delivers without a caller identity, and the EAR's security
 * domain otherwise denies methods that declare no permission.
 */
@PermitAll
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/VpbxNotifications"),
            @ActivationConfigProperty(
                    propertyName = "destinationType",
                    propertyValue = "jakarta.jms.Queue")
        })
public class NotificationConsumer implements MessageListener {
    private static final Logger LOG = Logger.getLogger(NotificationConsumer.class.getName());

    @Resource(lookup = "java:jboss/mail/Vpbx")
    private Session mailSession;

    @Override
    public void onMessage(Message message) {
        try {
            MapMessage map = (MapMessage) message;
            String to = map.getString(JmsNotificationPort.TO);
            String template = map.getString(JmsNotificationPort.TEMPLATE);
            Locale locale = Locale.forLanguageTag(map.getString(JmsNotificationPort.LOCALE));
            Map<String, String> values = new HashMap<>();
            for (Object key : Collections.list(map.getMapNames())) {
                String name = (String) key;
                if (name.startsWith(JmsNotificationPort.VALUE_PREFIX)) {
                    values.put(
                            name.substring(JmsNotificationPort.VALUE_PREFIX.length()),
                            map.getString(name));
                }
            }
            MailTemplates.RenderedMail mail = MailTemplates.render(template, locale, values);
            MimeMessage mime = new MimeMessage(mailSession);
            mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
            mime.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            mime.setText(mail.body(), StandardCharsets.UTF_8.name());
            Transport.send(mime);
            LOG.log(Level.INFO, "Sent {0} notification", template);
        } catch (JMSException | MessagingException e) {
            throw new IllegalStateException(
                    "notification not sent; the broker will redeliver it", e);
        }
    }
}
