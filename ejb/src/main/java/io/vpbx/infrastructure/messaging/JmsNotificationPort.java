package io.vpbx.infrastructure.messaging;

import io.vpbx.application.Notification;
import io.vpbx.application.NotificationPort;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.util.Map;

/**
 * Queues notifications on {@code VpbxNotifications}. The injected {@link JMSContext} joins the
 * caller's JTA transaction, so the message is sent only if the use case commits.
 *
 * <p>A map message rather than an object message: Artemis refuses to deserialise arbitrary classes,
 * and a map keeps the queue readable by other consumers.
 */
@ApplicationScoped
public class JmsNotificationPort implements NotificationPort {
    static final String TO = "to";
    static final String TEMPLATE = "template";
    static final String LOCALE = "locale";
    static final String VALUE_PREFIX = "v.";

    @Inject private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/VpbxNotifications")
    private Queue queue;

    @Override
    public void send(Notification notification) {
        try {
            MapMessage message = jms.createMapMessage();
            message.setString(TO, notification.to());
            message.setString(TEMPLATE, notification.template());
            message.setString(LOCALE, notification.locale().toLanguageTag());
            for (Map.Entry<String, String> value : notification.values().entrySet()) {
                message.setString(VALUE_PREFIX + value.getKey(), value.getValue());
            }
            jms.createProducer().send(queue, message);
        } catch (JMSException e) {
            throw new IllegalStateException(
                    "cannot queue notification " + notification.template(), e);
        }
    }
}
