/**
 * Session descriptions (RFC 4566) as far as an anchoring PBX needs them: the audio stream's
 * address, port, payload formats and direction, read from a phone's offer or answer and written for
 * ours (offer/answer, RFC 3264). Other media lines are carried only to be refused with port 0.
 */
package io.vpbx.media.sdp;
