/**
 * Technology behind the model's repositories and the application's ports: JPA, Flyway, Jakarta
 * Security hashing, JMS and Jakarta Mail, configuration and the clock. Nothing outside the {@code
 * ejb} module may depend on this layer; adapters go through {@code application}.
 */
package io.vpbx.infrastructure;
