package io.vpbx.application.media;

/**
 * An upload in the internal format.
 *
 * @param wav the complete WAV file: 44-byte header, then 8 kHz mono 16-bit little-endian samples
 * @param durationMs how long it plays
 * @param sourceFormat what was uploaded, e.g. {@code "WAV PCM 16-bit 44100 Hz 2 ch"}, for the log
 */
public record TranscodedAudio(byte[] wav, long durationMs, String sourceFormat) {}
