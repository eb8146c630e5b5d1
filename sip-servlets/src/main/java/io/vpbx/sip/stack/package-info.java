/**
 * Ownership of the JAIN-SIP stack: where it listens ({@code vpbx.sip.port} plus the server's port
 * offset, the same port the {@code vpbx-sip} socket binding reserves), its start and stop with the
 * deployment, and the stack-level answers such as OPTIONS.
 */
package io.vpbx.sip.stack;
