package io.vpbx.application.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns a PCM WAV stream (16-bit, mono or stereo) into MP3, streaming: memory stays constant
 * however long the recording.
 */
public interface Mp3Encoder {
    /**
     * Reads the WAV to its end and writes the MP3. Does not close either stream.
     *
     * @throws IOException when the input is not a 16-bit PCM WAV, or on I/O failure
     */
    void encode(InputStream wav, OutputStream mp3) throws IOException;
}
