/**
 * The vPBX core model: entities, value objects, repository interfaces and pure policies.
 *
 * <p>"Домен" is our tenant, so this layer is called {@code model} rather than {@code domain}. It
 * imports only JPA and Bean Validation; it knows nothing of services, transactions, security or
 * adapters.
 */
package io.vpbx.model;
