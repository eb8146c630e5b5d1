/**
 * A domain's own audio: the greetings and music on hold its admins upload (spec F §13.3). Uploads
 * are converted once, on arrival, to the media engine's internal format (8 kHz mono 16-bit PCM), so
 * nothing transcodes during a call. What an upload may be, and why one is refused, is {@link
 * io.vpbx.model.media.AudioRejected}.
 */
package io.vpbx.model.media;
