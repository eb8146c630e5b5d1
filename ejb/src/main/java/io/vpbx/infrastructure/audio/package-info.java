/**
 * Audio conversion in plain Java: uploaded WAV (PCM 8/16/24/32-bit, float, G.711 µ-law/A-law) and
 * MP3 (decoded with JLayer) to the media engine's internal 8 kHz mono 16-bit PCM WAV, through a
 * windowed-sinc low-pass resampler. Hostile input fails with a typed {@link
 * io.vpbx.model.media.AudioRejected}, never with an out-of-memory error or a hang.
 */
package io.vpbx.infrastructure.audio;
