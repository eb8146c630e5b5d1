/**
 * What the SIP layer may use of the media engine: sessions (one per call), their endpoints (one per
 * leg, each with its own RTP/RTCP port pair and its side of the SDP offer/answer), bridging,
 * playing, recording, and the events a session reports (DTMF, media timeout, a finished prompt or
 * recording). Everything here is plain Java; nothing blocks the caller.
 */
package io.vpbx.media.api;
