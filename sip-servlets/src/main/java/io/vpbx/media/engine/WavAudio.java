package io.vpbx.media.engine;

import io.vpbx.media.api.Audio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the internal audio format: a RIFF WAV of 8 kHz, mono, 16-bit PCM. */
final class WavAudio {
    /** Ten minutes, the longest audio an upload may have. */
    private static final int MAX_SAMPLES = 8000 * 600;

    private WavAudio() {}

    static Audio read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > 44L + 2L * MAX_SAMPLES + 4096) {
            throw new IOException("audio file too long: " + file.getFileName());
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a WAV file: " + file.getFileName());
        }
        int at = 12;
        boolean format = false;
        while (at + 8 <= b.limit()) {
            int id = b.getInt(at);
            int length = b.getInt(at + 4);
            if (length < 0 || at + 8L + length > b.limit()) {
                length = b.limit() - at - 8; // a truncated last chunk: take what is there
            }
            if (id == 0x20746d66) { // "fmt "
                int encoding = b.getShort(at + 8) & 0xFFFF;
                int channels = b.getShort(at + 10);
                int rate = b.getInt(at + 12);
                int bits = b.getShort(at + 22);
                if (encoding != 1 || channels != 1 || rate != 8000 || bits != 16) {
                    throw new IOException(
                            "not the internal format (8 kHz mono 16-bit PCM): "
                                    + file.getFileName());
                }
                format = true;
            } else if (id == 0x61746164) { // "data"
                if (!format) {
                    throw new IOException("WAV data before its format: " + file.getFileName());
                }
                short[] samples = new short[length / 2];
                b.position(at + 8);
                b.asShortBuffer().get(samples);
                return new Audio(file.getFileName().toString(), samples);
            }
            at += 8 + length + (length & 1);
        }
        throw new IOException("WAV without data: " + file.getFileName());
    }
}
