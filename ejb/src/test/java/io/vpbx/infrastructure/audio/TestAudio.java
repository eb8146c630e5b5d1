package io.vpbx.infrastructure.audio;

import java.io.ByteArrayOutputStream;

/** Builds WAV inputs and measures tones in outputs, for the converter tests. */
final class TestAudio {
    private TestAudio() {}

    /** A WAV header with the given fmt fields, followed by {@code data}. */
    static byte[] wav(int tag, int channels, int rate, int bits, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int blockAlign = channels * bits / 8;
        ascii(out, "RIFF");
        le32(out, 36 + data.length);
        ascii(out, "WAVE");
        ascii(out, "fmt ");
        le32(out, 16);
        le16(out, tag);
        le16(out, channels);
        le32(out, rate);
        le32(out, rate * blockAlign);
        le16(out, blockAlign);
        le16(out, bits);
        ascii(out, "data");
        le32(out, data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A sine of {@code hz} at amplitude {@code amplitude} (of full scale) as 16-bit PCM. */
    static byte[] sinePcm16(double hz, int rate, int channels, double seconds, double amplitude) {
        int frames = (int) Math.round(rate * seconds);
        byte[] data = new byte[frames * channels * 2];
        int at = 0;
        for (int i = 0; i < frames; i++) {
            short v = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                data[at++] = (byte) v;
                data[at++] = (byte) (v >> 8);
            }
        }
        return data;
    }

    /** The samples of an internal-format WAV, as read back from its bytes. */
    static short[] samplesOf(byte[] wav) {
        short[] s = new short[(wav.length - 44) / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((wav[44 + 2 * i] & 0xFF) | (wav[45 + 2 * i] << 8));
        }
        return s;
    }

    /**
     * Goertzel: the power of frequency {@code hz} in {@code n} samples from {@code from},
     * normalised so that a full-scale sine gives about 0.25.
     */
    static double power(short[] s, int from, int n, double hz, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double coeff = 2 * Math.cos(w);
        double q1 = 0;
        double q2 = 0;
        for (int i = from; i < from + n; i++) {
            double q0 = coeff * q1 - q2 + s[i] / 32768.0;
            q2 = q1;
            q1 = q0;
        }
        double p = q1 * q1 + q2 * q2 - coeff * q1 * q2;
        return p / ((double) n * n);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        le16(out, v & 0xFFFF);
        le16(out, (v >>> 16) & 0xFFFF);
    }
}
