/**
 * Security plumbing: password hashing with Jakarta Security's PBKDF2, signed one-time tokens, and
 * the caller context read from the container identity.
 */
package io.vpbx.infrastructure.security;
