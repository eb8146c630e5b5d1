package io.vpbx.infrastructure.recording;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The format of a RIFF/WAVE stream, read from its header up to the start of the samples: the {@code
 * fmt } chunk must say PCM (or WAVE_FORMAT_EXTENSIBLE) at 16 bits; chunks before {@code data}
 * (LIST, fact) are skipped.
 *
 * @param dataBytes the declared length of the samples; engines that cannot seek back may leave it 0
 *     or wrong, so readers read to the end of the stream instead
 */
record WavFormat(int channels, int sampleRate, int bitsPerSample, long dataBytes) {
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;

    /** Reads the header; the stream is left at the first sample. */
    static WavFormat read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            if (!"RIFF".equals(tag(data))) {
                throw new IOException("not a RIFF file");
            }
            littleInt(data);
            if (!"WAVE".equals(tag(data))) {
                throw new IOException("not a WAVE file");
            }
            Integer channels = null;
            int rate = 0;
            int bits = 0;
            while (true) {
                String chunk = tag(data);
                long size = littleInt(data) & 0xFFFFFFFFL;
                if ("fmt ".equals(chunk)) {
                    int format = littleShort(data);
                    channels = littleShort(data);
                    rate = littleInt(data);
                    littleInt(data); // byte rate
                    littleShort(data); // block align
                    bits = littleShort(data);
                    if (format != PCM && format != EXTENSIBLE) {
                        throw new IOException("not PCM (format " + format + ")");
                    }
                    skip(data, size - 16 + (size & 1));
                } else if ("data".equals(chunk)) {
                    if (channels == null) {
                        throw new IOException("data before fmt");
                    }
                    if (bits != 16 || channels < 1 || channels > 2 || rate <= 0) {
                        throw new IOException(
                                "unsupported WAV: " + channels + " ch, " + bits + " bit, " + rate);
                    }
                    return new WavFormat(channels, rate, bits, size);
                } else {
                    skip(data, size + (size & 1));
                }
            }
        } catch (EOFException e) {
            throw new IOException("truncated WAV header", e);
        }
    }

    int bytesPerFrame() {
        return channels * bitsPerSample / 8;
    }

    private static String tag(DataInputStream in) throws IOException {
        byte[] b = new byte[4];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int littleInt(DataInputStream in) throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    private static int littleShort(DataInputStream in) throws IOException {
        return Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
    }

    private static void skip(DataInputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                in.readByte();
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
