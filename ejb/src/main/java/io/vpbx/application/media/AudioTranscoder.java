package io.vpbx.application.media;

import io.vpbx.model.media.AudioRejected;
import java.io.InputStream;

/**
 * Converts an uploaded WAV or MP3 to the media engine's internal format: 8 kHz, mono, 16-bit signed
 * little-endian PCM in a plain 44-byte-header WAV. A port, implemented in {@code
 * infrastructure.audio}.
 */
public interface AudioTranscoder {
    /** The largest upload accepted, in bytes (15 MB). */
    long MAX_UPLOAD_BYTES = 15L * 1024 * 1024;

    /** The longest audio accepted, in milliseconds (10 minutes). */
    long MAX_DURATION_MS = 10L * 60 * 1000;

    /**
     * Reads and converts an upload. The type is detected from the content, never from a file name.
     *
     * @throws AudioRejected when the upload is too large, not WAV or MP3, corrupt, too long or
     *     silent-empty; nothing is half-converted
     */
    TranscodedAudio toInternalFormat(InputStream upload);
}
