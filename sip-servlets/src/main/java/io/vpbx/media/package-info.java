/**
 * The media engine: plain Java that works on RTP payloads and audio samples, with no Jakarta EE,
 * JAIN-SIP or logging dependency, so that every primitive is unit-testable and can be driven from
 * any thread the RTP pipeline chooses. Sub-packages go bottom-up: {@code codec} for sample formats
 * and signal measurement, {@code dtmf} for the three ways a caller's key press reaches us.
 */
package io.vpbx.media;
