/**
 * The registrar (RFC 3261 §10): digest authentication with MD5 and SHA-256 offered together (RFC
 * 8760), expiry bounds, contact bindings and brute-force bans. Thin: the bindings, limits and bans
 * are the core's decisions ({@link io.vpbx.application.sip.SipRegistrar}).
 */
package io.vpbx.sip.registrar;
