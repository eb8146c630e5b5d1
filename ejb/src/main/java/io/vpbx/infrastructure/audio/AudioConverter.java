package io.vpbx.infrastructure.audio;

import io.vpbx.application.media.AudioTranscoder;
import io.vpbx.application.media.TranscodedAudio;
import io.vpbx.model.media.AudioRejected;
import io.vpbx.model.media.AudioRejected.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.JavaLayerException;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Converts an uploaded WAV or MP3 to 8 kHz, mono, 16-bit signed little-endian PCM in a plain WAV
 * (44-byte header). Plain Java: no container services, so it is tested directly.
 *
 * <ul>
 *   <li>The type comes from the content: {@code RIFF….WAVE} is WAV; an ID3v2 tag or an MPEG audio
 *       frame header is MP3. Anything else is {@link Reason#WRONG_TYPE}, whatever its name.
 *   <li>WAV: PCM 8 (unsigned), 16, 24 and 32-bit, IEEE float 32/64-bit, G.711 µ-law (format tag 7)
 *       and A-law (6), also inside {@code WAVE_FORMAT_EXTENSIBLE}; any rate from 1 to 768 kHz; 1 to
 *       32 channels, mixed down to mono by averaging. A data chunk whose size is 0 or 0xFFFFFFFF
 *       (written by streaming tools that could not seek back) runs to the end of the file; any
 *       other size larger than the file is a truncated upload: {@link Reason#CORRUPT}.
 *   <li>MP3: MPEG-1/2/2.5 layers I–III through JLayer. A stream whose rate or channel count changes
 *       half-way is corrupt.
 *   <li>Limits: {@value AudioTranscoder#MAX_UPLOAD_BYTES} bytes of input, read no further than one
 *       byte past the limit; {@value AudioTranscoder#MAX_DURATION_MS} ms of audio, plus one second
 *       of grace for encoder padding. The WAV duration is known from the header and checked before
 *       decoding; an MP3's is checked while decoding, which stops as soon as it is exceeded.
 * </ul>
 *
 * <p>Every length and offset read from a header is checked against the bytes actually present, so a
 * hostile header can cost neither memory nor time.
 */
@ApplicationScoped
public class AudioConverter implements AudioTranscoder {
    static final int OUT_RATE = SincResampler.OUT_RATE;
    private static final long GRACE_MS = 1000;
    private static final int MAX_CHANNELS = 32;
    private static final int MAX_RATE = 768_000;

    private static final int TAG_PCM = 1;
    private static final int TAG_FLOAT = 3;
    private static final int TAG_ALAW = 6;
    private static final int TAG_MULAW = 7;
    private static final int TAG_EXTENSIBLE = 0xFFFE;

    @Override
    public TranscodedAudio toInternalFormat(InputStream upload) {
        byte[] data = readLimited(upload);
        if (data.length == 0) {
            throw new AudioRejected(Reason.EMPTY, "no bytes");
        }
        if (isWav(data)) {
            return convertWav(data);
        }
        if (startsWith(data, 0, "RIFF")) {
            throw new AudioRejected(
                    data.length < 12 ? Reason.CORRUPT : Reason.WRONG_TYPE, "RIFF but not WAVE");
        }
        if (isMp3(data)) {
            return convertMp3(data);
        }
        throw new AudioRejected(Reason.WRONG_TYPE, "neither WAV nor MP3");
    }

    private static byte[] readLimited(InputStream in) {
        try {
            byte[] data = in.readNBytes((int) MAX_UPLOAD_BYTES + 1);
            if (data.length > MAX_UPLOAD_BYTES) {
                throw new AudioRejected(Reason.TOO_LARGE, "over " + MAX_UPLOAD_BYTES + " bytes");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("reading an upload", e);
        }
    }

    // ---------------------------------------------------------------- detection

    static boolean isWav(byte[] d) {
        return d.length >= 12 && startsWith(d, 0, "RIFF") && startsWith(d, 8, "WAVE");
    }

    static boolean isMp3(byte[] d) {
        if (d.length >= 10 && startsWith(d, 0, "ID3")) {
            return true;
        }
        return d.length >= 4 && isFrameHeader(d, 0);
    }

    /** An MPEG audio frame header: 11 sync bits, a valid version, layer, bit rate and rate. */
    private static boolean isFrameHeader(byte[] d, int at) {
        int b1 = d[at] & 0xFF;
        int b2 = d[at + 1] & 0xFF;
        int b3 = d[at + 2] & 0xFF;
        if (b1 != 0xFF || (b2 & 0xE0) != 0xE0) {
            return false;
        }
        int version = (b2 >> 3) & 0x3;
        int layer = (b2 >> 1) & 0x3;
        int bitrate = (b3 >> 4) & 0xF;
        int rate = (b3 >> 2) & 0x3;
        return version != 1 && layer != 0 && bitrate != 0xF && rate != 3;
    }

    private static boolean startsWith(byte[] d, int at, String ascii) {
        byte[] magic = ascii.getBytes(StandardCharsets.US_ASCII);
        if (d.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (d[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- WAV

    private TranscodedAudio convertWav(byte[] d) {
        int pos = 12;
        int tag = -1;
        int channels = 0;
        long rate = 0;
        int bits = 0;
        int blockAlign = 0;
        long dataStart = -1;
        long dataLength = 0;
        while (pos + 8L <= d.length) {
            String id = new String(d, pos, 4, StandardCharsets.US_ASCII);
            long size = u32(d, pos + 4);
            long body = pos + 8L;
            long available = d.length - body;
            if (id.equals("data")) {
                if (tag < 0) {
                    throw new AudioRejected(Reason.CORRUPT, "data chunk before fmt chunk");
                }
                if (size == 0 || size == 0xFFFFFFFFL) {
                    size = available;
                } else if (size > available) {
                    throw new AudioRejected(
                            Reason.CORRUPT,
                            "data chunk of " + size + " bytes, " + available + " present");
                }
                dataStart = body;
                dataLength = size;
                break;
            }
            if (size > available) {
                throw new AudioRejected(Reason.CORRUPT, "chunk " + id + " runs past the end");
            }
            if (id.equals("fmt ")) {
                if (size < 16) {
                    throw new AudioRejected(Reason.CORRUPT, "fmt chunk of " + size + " bytes");
                }
                int b = (int) body;
                tag = u16(d, b);
                channels = u16(d, b + 2);
                rate = u32(d, b + 4);
                blockAlign = u16(d, b + 12);
                bits = u16(d, b + 14);
                if (tag == TAG_EXTENSIBLE) {
                    if (size < 40) {
                        throw new AudioRejected(Reason.CORRUPT, "short WAVE_FORMAT_EXTENSIBLE");
                    }
                    tag = u16(d, b + 24);
                }
            }
            pos = (int) (body + size + (size & 1));
        }
        if (tag < 0) {
            throw new AudioRejected(Reason.CORRUPT, "no fmt chunk");
        }
        if (dataStart < 0) {
            throw new AudioRejected(Reason.CORRUPT, "no data chunk");
        }
        if (tag != TAG_PCM && tag != TAG_FLOAT && tag != TAG_ALAW && tag != TAG_MULAW) {
            throw new AudioRejected(Reason.WRONG_TYPE, "WAV format tag " + tag);
        }
        if (channels < 1 || channels > MAX_CHANNELS || rate < 1 || rate > MAX_RATE) {
            throw new AudioRejected(
                    Reason.CORRUPT, "channels " + channels + ", rate " + rate + " Hz");
        }
        boolean validBits =
                switch (tag) {
                    case TAG_PCM -> bits == 8 || bits == 16 || bits == 24 || bits == 32;
                    case TAG_FLOAT -> bits == 32 || bits == 64;
                    default -> bits == 8;
                };
        int bytesPerSample = bits / 8;
        if (!validBits || blockAlign != channels * bytesPerSample) {
            throw new AudioRejected(
                    Reason.CORRUPT, "tag " + tag + ", " + bits + " bits, block " + blockAlign);
        }
        long frames = dataLength / blockAlign;
        if (frames == 0) {
            throw new AudioRejected(Reason.EMPTY, "no samples");
        }
        if (frames * 1000 / rate > MAX_DURATION_MS + GRACE_MS) {
            throw new AudioRejected(Reason.TOO_LONG, frames + " frames at " + rate + " Hz");
        }

        Output out = new Output(frames * OUT_RATE / rate + 2);
        SincResampler resampler = new SincResampler((int) rate, out);
        float[] block = new float[4096];
        int n = 0;
        int at = (int) dataStart;
        for (long f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(d, at, tag, bits);
                at += bytesPerSample;
            }
            block[n++] = (float) (sum / channels);
            if (n == block.length) {
                resampler.accept(block, n);
                n = 0;
            }
        }
        resampler.accept(block, n);
        resampler.finish();
        String format =
                "WAV " + formatName(tag) + " " + bits + "-bit " + rate + " Hz " + channels + " ch";
        return out.result(format);
    }

    private static String formatName(int tag) {
        return switch (tag) {
            case TAG_PCM -> "PCM";
            case TAG_FLOAT -> "float";
            case TAG_ALAW -> "A-law";
            default -> "µ-law";
        };
    }

    /** One sample scaled to [-1, 1]. */
    private static double sample(byte[] d, int at, int tag, int bits) {
        switch (tag) {
            case TAG_MULAW:
                return G711.ulaw(d[at]) / 32768.0;
            case TAG_ALAW:
                return G711.alaw(d[at]) / 32768.0;
            case TAG_FLOAT:
                return bits == 32
                        ? Float.intBitsToFloat((int) u32(d, at))
                        : Double.longBitsToDouble(u32(d, at) | (u32(d, at + 4) << 32));
            default:
                return switch (bits) {
                    case 8 -> ((d[at] & 0xFF) - 128) / 128.0;
                    case 16 -> (short) u16(d, at) / 32768.0;
                    case 24 ->
                            (((d[at + 2]) << 16) | ((d[at + 1] & 0xFF) << 8) | (d[at] & 0xFF))
                                    / 8388608.0;
                    default -> (int) u32(d, at) / 2147483648.0;
                };
        }
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xFF) | ((d[at + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] d, int at) {
        return (d[at] & 0xFFL)
                | ((d[at + 1] & 0xFFL) << 8)
                | ((d[at + 2] & 0xFFL) << 16)
                | ((d[at + 3] & 0xFFL) << 24);
    }

    // ---------------------------------------------------------------- MP3

    private TranscodedAudio convertMp3(byte[] d) {
        Bitstream stream = new Bitstream(new ByteArrayInputStream(d));
        Decoder decoder = new Decoder();
        SincResampler resampler = null;
        Output out = new Output(OUT_RATE * 16L);
        int rate = 0;
        int channels = 0;
        long frames = 0;
        long maxFrames = 0;
        float[] block = new float[0];
        int decoded = 0;
        try {
            Header header;
            while ((header = stream.readFrame()) != null) {
                SampleBuffer pcm = (SampleBuffer) decoder.decodeFrame(header, stream);
                stream.closeFrame();
                if (rate == 0) {
                    rate = pcm.getSampleFrequency();
                    channels = pcm.getChannelCount();
                    if (rate <= 0 || channels < 1 || channels > 2) {
                        throw new AudioRejected(Reason.CORRUPT, "MP3 rate " + rate);
                    }
                    resampler = new SincResampler(rate, out);
                    maxFrames = (MAX_DURATION_MS + GRACE_MS) * rate / 1000;
                } else if (pcm.getSampleFrequency() != rate || pcm.getChannelCount() != channels) {
                    throw new AudioRejected(Reason.CORRUPT, "MP3 format changes mid-stream");
                }
                decoded++;
                short[] samples = pcm.getBuffer();
                int length = Math.min(pcm.getBufferLength(), samples.length);
                int n = length / channels;
                if (block.length < n) {
                    block = new float[n];
                }
                for (int i = 0; i < n; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += samples[i * channels + c];
                    }
                    block[i] = sum / (32768f * channels);
                }
                frames += n;
                if (frames > maxFrames) {
                    throw new AudioRejected(Reason.TOO_LONG, "MP3 over the limit");
                }
                resampler.accept(block, n);
            }
        } catch (JavaLayerException | RuntimeException e) {
            if (e instanceof AudioRejected rejected) {
                throw rejected;
            }
            throw new AudioRejected(Reason.CORRUPT, "MP3: " + e);
        } finally {
            try {
                stream.close();
            } catch (JavaLayerException ignored) {
                // a byte array stream does not fail to close
            }
        }
        if (decoded == 0 || resampler == null) {
            throw new AudioRejected(Reason.CORRUPT, "no MP3 frame");
        }
        if (frames == 0) {
            throw new AudioRejected(Reason.EMPTY, "no samples");
        }
        resampler.finish();
        return out.result("MP3 " + rate + " Hz " + channels + " ch");
    }

    // ---------------------------------------------------------------- output

    /** Collects 16-bit samples and writes the internal-format WAV. */
    private static final class Output implements SincResampler.Sink {
        private short[] samples;
        private int count;

        Output(long expected) {
            samples = new short[(int) Math.min(Math.max(expected, 1024), Integer.MAX_VALUE / 4)];
        }

        @Override
        public void accept(float sample) {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, samples.length * 2);
            }
            long v = Math.round(sample * 32767.0);
            samples[count++] = (short) Math.max(-32768, Math.min(32767, v));
        }

        TranscodedAudio result(String sourceFormat) {
            if (count == 0) {
                throw new AudioRejected(Reason.EMPTY, "no output samples");
            }
            return new TranscodedAudio(
                    WavFiles.internalFormat(samples, count),
                    count * 1000L / OUT_RATE,
                    sourceFormat);
        }
    }
}
