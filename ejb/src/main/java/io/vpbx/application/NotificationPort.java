package io.vpbx.application;

/**
 * Sends notifications to people. Delivery is durable and transactional: a notification queued
 * inside a use case that then rolls back is never sent, and one that commits survives a crash
 * before it is delivered.
 */
public interface NotificationPort {
    void send(Notification notification);
}
