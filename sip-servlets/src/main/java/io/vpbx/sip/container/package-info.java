/**
 * Our thin, Restcomm-style SIP servlet layer over JAIN-SIP (ADR 0001): {@link
 * io.vpbx.sip.container.SipServlet} with one {@code doXxx} per method and {@link
 * io.vpbx.sip.container.SipServletRequest} for what a servlet reads and answers. Sessions, the
 * B2BUA helper and timers join it with calls.
 */
package io.vpbx.sip.container;
