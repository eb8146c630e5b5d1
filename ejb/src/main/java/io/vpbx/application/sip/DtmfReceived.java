package io.vpbx.application.sip;

/**
 * A DTMF key pressed during a call (RFC 4733 event, SIP INFO or in-band tone), fired as a CDI event
 * once per press and in order for each call; IVR, voicemail and feature codes observe it.
 *
 * @param fromCaller whether the caller pressed it (else the called party)
 */
public record DtmfReceived(
        long domainId, String callId, boolean fromCaller, char digit, int durationMillis) {}
