/**
 * SIP accounts and their registrations: the SIP number every domain user gets (seed 002), its
 * contact bindings (RFC 3261 §10) and the rules the registrar applies (expiry bounds, device limit,
 * bans of sources that keep failing authentication).
 */
package io.vpbx.model.sip;
