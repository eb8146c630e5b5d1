/**
 * DTMF key presses of a caller, from whichever of the three transports the device uses: RTP
 * telephone-events (RFC 4733), SIP INFO bodies ({@code application/dtmf-relay} and {@code
 * application/dtmf}), or tones in the audio itself (ITU-T Q.23/Q.24). Each detector turns its input
 * into the same {@link io.vpbx.media.dtmf.DtmfListener} callback, once per press, so that the IVR
 * and call features above never care how the digit travelled.
 */
package io.vpbx.media.dtmf;
