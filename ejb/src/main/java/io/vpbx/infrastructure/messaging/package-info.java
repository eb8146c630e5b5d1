/**
 * Durable notifications: use cases queue them on a JMS queue inside their transaction, and a
 * message-driven bean renders and sends each as an e-mail through the server's mail session.
 */
package io.vpbx.infrastructure.messaging;
