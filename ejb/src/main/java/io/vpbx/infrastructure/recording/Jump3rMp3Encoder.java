package io.vpbx.infrastructure.recording;

import de.sciss.jump3r.lowlevel.LameEncoder;
import io.vpbx.application.recording.Mp3Encoder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * MP3 with jump3r (LAME in Java), constant bit rate, one buffer of PCM at a time. At the 8 kHz of
 * telephone recordings the result is MPEG-2.5 Layer III; 32 kbit/s keeps both voices of a stereo
 * recording intelligible at about 14 MB per hour. A new encoder per call: LAME's state is not
 * shared between streams.
 */
@ApplicationScoped
public class Jump3rMp3Encoder implements Mp3Encoder {
    static final int BIT_RATE_KBPS = 32;

    @Override
    public void encode(InputStream wav, OutputStream mp3) throws IOException {
        WavFormat format = WavFormat.read(wav);
        AudioFormat source =
                new AudioFormat(
                        AudioFormat.Encoding.PCM_SIGNED,
                        format.sampleRate(),
                        16,
                        format.channels(),
                        format.bytesPerFrame(),
                        format.sampleRate(),
                        false);
        LameEncoder encoder =
                new LameEncoder(
                        source,
                        BIT_RATE_KBPS,
                        format.channels() == 1
                                ? LameEncoder.CHANNEL_MODE_MONO
                                : LameEncoder.CHANNEL_MODE_STEREO,
                        LameEncoder.QUALITY_MIDDLE,
                        false);
        try {
            byte[] pcm = new byte[encoder.getPCMBufferSize()];
            byte[] out = new byte[encoder.getMP3BufferSize()];
            int frame = format.bytesPerFrame();
            int filled = 0;
            int read;
            while ((read = wav.read(pcm, filled, pcm.length - filled)) >= 0) {
                filled += read;
                if (filled == pcm.length) {
                    write(mp3, out, encoder.encodeBuffer(pcm, 0, filled, out));
                    filled = 0;
                }
            }
            int whole = filled - filled % frame; // a torn last sample frame is dropped
            if (whole > 0) {
                write(mp3, out, encoder.encodeBuffer(pcm, 0, whole, out));
            }
            write(mp3, out, encoder.encodeFinish(out));
        } finally {
            encoder.close();
        }
    }

    private static void write(OutputStream mp3, byte[] buffer, int length) throws IOException {
        if (length < 0) {
            throw new IOException("MP3 encoding failed (LAME error " + length + ")");
        }
        if (length > 0) {
            mp3.write(buffer, 0, length);
        }
    }
}
