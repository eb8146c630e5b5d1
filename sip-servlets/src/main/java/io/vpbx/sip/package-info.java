/**
 * The SIP layer: JAIN-SIP owned by a start-up singleton, under a thin, Restcomm-style servlet model
 * that resolves the tenant and the call, asks the core for a decision and executes it. No routing,
 * ACD or billing rule is evaluated here (ADR 0001).
 */
package io.vpbx.sip;
