package io.vpbx.infrastructure.audio;

/** The internal WAV layout: a plain 44-byte RIFF header, then 8 kHz mono 16-bit LE samples. */
final class WavFiles {
    private WavFiles() {}

    static byte[] internalFormat(short[] samples, int count) {
        int dataBytes = count * 2;
        byte[] wav = new byte[44 + dataBytes];
        ascii(wav, 0, "RIFF");
        le32(wav, 4, 36 + dataBytes);
        ascii(wav, 8, "WAVE");
        ascii(wav, 12, "fmt ");
        le32(wav, 16, 16);
        le16(wav, 20, 1);
        le16(wav, 22, 1);
        le32(wav, 24, SincResampler.OUT_RATE);
        le32(wav, 28, SincResampler.OUT_RATE * 2);
        le16(wav, 32, 2);
        le16(wav, 34, 16);
        ascii(wav, 36, "data");
        le32(wav, 40, dataBytes);
        for (int i = 0; i < count; i++) {
            wav[44 + 2 * i] = (byte) samples[i];
            wav[45 + 2 * i] = (byte) (samples[i] >> 8);
        }
        return wav;
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void le32(byte[] b, int at, int v) {
        le16(b, at, v);
        le16(b, at + 2, v >> 16);
    }
}
