/**
 * JPA implementations of the model's repositories, and the schema migration that runs at deployment
 * before anything touches the database.
 */
package io.vpbx.infrastructure.persistence;
