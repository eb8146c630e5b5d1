package io.vpbx.infrastructure.audio;

/** G.711 expansion to 16-bit linear (ITU-T G.711 §4, the tables every codec library uses). */
final class G711 {
    private G711() {}

    /** µ-law: bytes are stored inverted; 14-bit magnitude with bias 0x84. */
    static int ulaw(byte encoded) {
        int u = ~encoded & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    /** A-law: even bits inverted (XOR 0x55); 13-bit magnitude. */
    static int alaw(byte encoded) {
        int a = (encoded & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        switch (segment) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= segment - 1;
            }
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
