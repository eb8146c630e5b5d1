package io.vpbx.media.api;

import java.io.IOException;
import java.nio.file.Path;

/** The in-process RTP engine: one per server. */
public interface MediaEngine extends AutoCloseable {
    /** Starts an engine with its media threads. */
    static MediaEngine start(MediaSettings settings) throws IOException {
        return new io.vpbx.media.engine.RtpEngine(settings);
    }

    MediaSession openSession(String callId, MediaListener listener);

    /**
     * Reads an 8 kHz mono 16-bit PCM WAV (the internal format uploads are converted to) once; later
     * calls for the same unchanged file share it.
     */
    Audio load(Path wav) throws IOException;

    /** Counters since the start, for statistics and benchmarks. */
    MediaStatistics statistics();

    @Override
    void close();
}
