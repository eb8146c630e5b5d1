package io.vpbx.media.codec;

/**
 * ITU-T G.711 companding of 16-bit linear PCM to 8-bit µ-law and A-law codes, and the direct
 * conversion between the two laws.
 *
 * <p>The tables are built once, at class initialisation, from the bit-level reference algorithm of
 * the ITU-T G.191 Software Tool Library ({@code g711.c}), so that every public call is a single
 * array lookup. Linear samples are 16-bit two's complement, left-justified: µ-law uses the top 14
 * bits and A-law the top 13 bits, as G.711 §1 and §2 define the laws over 14- and 13-bit uniform
 * PCM. Codes are the transmitted octets, i.e. with the G.711 even-bit inversion of A-law and the
 * all-bits inversion of µ-law already applied.
 */
public final class G711 {
    /** µ-law decoding (G.711 Table 2): code → linear. */
    private static final short[] ULAW_TO_LINEAR = new short[256];

    /** A-law decoding (G.711 Table 1): code → linear. */
    private static final short[] ALAW_TO_LINEAR = new short[256];

    /** µ-law encoding, indexed by {@code pcm & 0xFFFF}. */
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];

    /** A-law encoding, indexed by {@code pcm & 0xFFFF}. */
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];

    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) ulawExpand(code);
            ALAW_TO_LINEAR[code] = (short) alawExpand(code);
        }
        for (int pcm = Short.MIN_VALUE; pcm <= Short.MAX_VALUE; pcm++) {
            LINEAR_TO_ULAW[pcm & 0xFFFF] = (byte) ulawCompress(pcm);
            LINEAR_TO_ALAW[pcm & 0xFFFF] = (byte) alawCompress(pcm);
        }
        // Law-to-law conversion through the linear reconstruction value: decode with one law and
        // re-quantise with the other. This is not guaranteed to be reversible (see the tests).
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = LINEAR_TO_ALAW[ULAW_TO_LINEAR[code] & 0xFFFF];
            ALAW_TO_ULAW[code] = LINEAR_TO_ULAW[ALAW_TO_LINEAR[code] & 0xFFFF];
        }
    }

    private G711() {}

    public static byte linearToUlaw(short pcm) {
        return LINEAR_TO_ULAW[pcm & 0xFFFF];
    }

    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    public static byte linearToAlaw(short pcm) {
        return LINEAR_TO_ALAW[pcm & 0xFFFF];
    }

    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /** The A-law code nearest to the linear value of a µ-law code. */
    public static byte ulawToAlaw(byte code) {
        return ULAW_TO_ALAW[code & 0xFF];
    }

    /** The µ-law code nearest to the linear value of an A-law code. */
    public static byte alawToUlaw(byte code) {
        return ALAW_TO_ULAW[code & 0xFF];
    }

    /**
     * Transcodes {@code len} µ-law octets to A-law; {@code src} and {@code dst} may be the same.
     */
    public static void ulawToAlaw(byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        checkRange(src.length, srcOff, len);
        checkRange(dst.length, dstOff, len);
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = ULAW_TO_ALAW[src[srcOff + i] & 0xFF];
        }
    }

    /**
     * Transcodes {@code len} A-law octets to µ-law; {@code src} and {@code dst} may be the same.
     */
    public static void alawToUlaw(byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        checkRange(src.length, srcOff, len);
        checkRange(dst.length, dstOff, len);
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = ALAW_TO_ULAW[src[srcOff + i] & 0xFF];
        }
    }

    public static void decodeUlaw(byte[] src, int off, int len, short[] dst, int dstOff) {
        checkRange(src.length, off, len);
        checkRange(dst.length, dstOff, len);
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = ULAW_TO_LINEAR[src[off + i] & 0xFF];
        }
    }

    public static void decodeAlaw(byte[] src, int off, int len, short[] dst, int dstOff) {
        checkRange(src.length, off, len);
        checkRange(dst.length, dstOff, len);
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = ALAW_TO_LINEAR[src[off + i] & 0xFF];
        }
    }

    public static void encodeUlaw(short[] src, int off, int len, byte[] dst, int dstOff) {
        checkRange(src.length, off, len);
        checkRange(dst.length, dstOff, len);
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = LINEAR_TO_ULAW[src[off + i] & 0xFFFF];
        }
    }

    public static void encodeAlaw(short[] src, int off, int len, byte[] dst, int dstOff) {
        checkRange(src.length, off, len);
        checkRange(dst.length, dstOff, len);
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = LINEAR_TO_ALAW[src[off + i] & 0xFFFF];
        }
    }

    // Checked up front so that a bad offset fails before any output is written, not half-way.
    private static void checkRange(int arrayLength, int off, int len) {
        if (off < 0 || len < 0 || off > arrayLength - len) {
            throw new ArrayIndexOutOfBoundsException(
                    "range [" + off + ", " + off + "+" + len + ") outside array of " + arrayLength);
        }
    }

    /**
     * µ-law compression as in G.191 {@code ulaw_compress}. Negative samples are taken in one's
     * complement ({@code ~pcm}), which makes the quantiser symmetric about -0.5 so that -1 encodes
     * like 0 with the sign bit cleared; 33 is the µ-law bias (G.711 §2, 14-bit scale).
     */
    private static int ulawCompress(int pcm) {
        int magnitude = ((pcm < 0 ? ~pcm : pcm) >> 2) + 33;
        if (magnitude > 0x1FFF) {
            magnitude = 0x1FFF;
        }
        int segment = 1;
        for (int i = magnitude >> 6; i != 0; i >>= 1) {
            segment++;
        }
        int code = ((8 - segment) << 4) | (15 - ((magnitude >> segment) & 0xF));
        return pcm >= 0 ? code | 0x80 : code;
    }

    /** µ-law expansion as in G.191 {@code ulaw_expand}: the mid-point of the decision interval. */
    private static int ulawExpand(int code) {
        int inverted = ~code;
        int exponent = (inverted >> 4) & 0x7;
        int mantissa = inverted & 0xF;
        int step = 4 << (exponent + 1);
        int magnitude = (0x80 << exponent) + step * mantissa + step / 2 - 4 * 33;
        return code < 0x80 ? -magnitude : magnitude;
    }

    /**
     * A-law compression as in G.191 {@code alaw_compress}: 12-bit magnitude (one's complement for
     * negatives), segment from the position of the leading one, then the G.711 §1 even-bit
     * inversion (XOR 0x55).
     */
    private static int alawCompress(int pcm) {
        int magnitude = (pcm < 0 ? ~pcm : pcm) >> 4;
        if (magnitude > 15) {
            int exponent = 1;
            while (magnitude > 16 + 15) {
                magnitude >>= 1;
                exponent++;
            }
            magnitude -= 16;
            magnitude += exponent << 4;
        }
        if (pcm >= 0) {
            magnitude |= 0x80;
        }
        return magnitude ^ 0x55;
    }

    /** A-law expansion as in G.191 {@code alaw_expand}: the mid-point of the decision interval. */
    private static int alawExpand(int code) {
        int bits = (code ^ 0x55) & 0x7F;
        int exponent = bits >> 4;
        int mantissa = bits & 0xF;
        if (exponent > 0) {
            mantissa += 16;
        }
        mantissa = (mantissa << 4) + 8;
        if (exponent > 1) {
            mantissa <<= exponent - 1;
        }
        return code > 127 ? mantissa : -mantissa;
    }
}
