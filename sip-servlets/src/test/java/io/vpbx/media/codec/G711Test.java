package io.vpbx.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class G711Test {

    // An independent, table-free transcription of Sun Microsystems' public-domain g711.c (the
    // segment-search formulation), with negative samples taken in one's complement as the ITU-T
    // G.191 reference does. The production class is built from the bit-counting G.191 form, so
    // agreement over every input checks one formulation against the other.
    private static final int[] ULAW_SEGMENT_ENDS = {
        0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF
    };
    private static final int[] ALAW_SEGMENT_ENDS = {
        0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF
    };

    private static int segment(int value, int[] ends) {
        for (int i = 0; i < ends.length; i++) {
            if (value <= ends[i]) {
                return i;
            }
        }
        return ends.length;
    }

    private static int referenceLinearToUlaw(int pcm) {
        int mask = pcm < 0 ? 0x7F : 0xFF;
        int value = ((pcm < 0 ? ~pcm : pcm) >> 2) + 33; // 14 bits plus the µ-law bias
        if (value > 0x1FFF) {
            value = 0x1FFF;
        }
        int seg = segment(value, ULAW_SEGMENT_ENDS);
        return ((seg << 4) | ((value >> (seg + 1)) & 0xF)) ^ mask;
    }

    private static int referenceUlawToLinear(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0xF) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    private static int referenceLinearToAlaw(int pcm) {
        int value = pcm >> 3; // 13 bits
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int seg = segment(value, ALAW_SEGMENT_ENDS);
        if (seg >= 8) {
            return 0x7F ^ mask;
        }
        int code = seg << 4;
        code |= seg < 2 ? (value >> 1) & 0xF : (value >> seg) & 0xF;
        return code ^ mask;
    }

    private static int referenceAlawToLinear(int code) {
        int a = code ^ 0x55;
        int t = (a & 0xF) << 4;
        int seg = (a & 0x70) >> 4;
        switch (seg) {
            case 0:
                t += 8;
                break;
            case 1:
                t += 0x108;
                break;
            default:
                t += 0x108;
                t <<= seg - 1;
        }
        return (a & 0x80) != 0 ? t : -t;
    }

    private static int ulaw(short pcm) {
        return G711.linearToUlaw(pcm) & 0xFF;
    }

    private static int alaw(short pcm) {
        return G711.linearToAlaw(pcm) & 0xFF;
    }

    @Test
    void muLawMatchesPublishedValues() {
        assertThat(ulaw((short) 0)).isEqualTo(0xFF);
        assertThat(ulaw((short) -1)).isEqualTo(0x7F);
        assertThat(ulaw(Short.MAX_VALUE)).isEqualTo(0x80);
        assertThat(ulaw(Short.MIN_VALUE)).isEqualTo(0x00);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(G711.ulawToLinear((byte) 0x7E)).isEqualTo((short) -8);
    }

    @Test
    void aLawMatchesPublishedValues() {
        assertThat(alaw((short) 0)).isEqualTo(0xD5);
        assertThat(alaw((short) -1)).isEqualTo(0x55);
        assertThat(alaw(Short.MAX_VALUE)).isEqualTo(0xAA);
        assertThat(alaw(Short.MIN_VALUE)).isEqualTo(0x2A);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void encodersAgreeWithTheReferenceAlgorithmForEvery16BitSample() {
        for (int pcm = Short.MIN_VALUE; pcm <= Short.MAX_VALUE; pcm++) {
            assertThat(ulaw((short) pcm))
                    .as("µ-law of %d", pcm)
                    .isEqualTo(referenceLinearToUlaw(pcm));
            assertThat(alaw((short) pcm))
                    .as("A-law of %d", pcm)
                    .isEqualTo(referenceLinearToAlaw(pcm));
        }
    }

    @Test
    void decodersAgreeWithTheReferenceAlgorithmForEveryCode() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.ulawToLinear((byte) code))
                    .isEqualTo((short) referenceUlawToLinear(code));
            assertThat(G711.alawToLinear((byte) code))
                    .isEqualTo((short) referenceAlawToLinear(code));
        }
    }

    @Test
    void decodingThenEncodingGivesBackEveryCodeExceptMuLawNegativeZero() {
        List<Integer> ulawChanged = new ArrayList<>();
        for (int code = 0; code < 256; code++) {
            if (ulaw(G711.ulawToLinear((byte) code)) != code) {
                ulawChanged.add(code);
            }
            assertThat(alaw(G711.alawToLinear((byte) code))).isEqualTo(code);
        }
        // 0x7F is µ-law "-0": it decodes to 0, which encodes as +0 (0xFF).
        assertThat(ulawChanged).containsExactly(0x7F);
        assertThat(ulaw(G711.ulawToLinear((byte) 0x7F))).isEqualTo(0xFF);
    }

    @Test
    void encodingIsMonotonicAndDecodedLevelsAreDistinct() {
        int previousUlaw = Integer.MIN_VALUE;
        int previousAlaw = Integer.MIN_VALUE;
        for (int pcm = Short.MIN_VALUE; pcm <= Short.MAX_VALUE; pcm++) {
            int u = G711.ulawToLinear(G711.linearToUlaw((short) pcm));
            int a = G711.alawToLinear(G711.linearToAlaw((short) pcm));
            assertThat(u).isGreaterThanOrEqualTo(previousUlaw);
            assertThat(a).isGreaterThanOrEqualTo(previousAlaw);
            previousUlaw = u;
            previousAlaw = a;
        }
        assertThat(decodedLevels(true)).hasSize(255); // ±0 share one level
        assertThat(decodedLevels(false)).hasSize(256);
    }

    @Test
    void decodedLevelsRiseWithTheCodeMagnitude() {
        // µ-law 0x00..0x7F runs from -32124 up to -0, 0x80..0xFF from 32124 down to 0.
        for (int code = 1; code < 0x80; code++) {
            assertThat(G711.ulawToLinear((byte) code))
                    .isGreaterThan(G711.ulawToLinear((byte) (code - 1)));
            assertThat(G711.ulawToLinear((byte) (code + 0x80)))
                    .isLessThan(G711.ulawToLinear((byte) (code + 0x7F)));
        }
        // A-law magnitude is (code ^ 0x55) & 0x7F; bit 7 set is positive.
        for (int magnitude = 1; magnitude < 0x80; magnitude++) {
            byte positive = (byte) ((magnitude | 0x80) ^ 0x55);
            byte previousPositive = (byte) (((magnitude - 1) | 0x80) ^ 0x55);
            assertThat(G711.alawToLinear(positive))
                    .isGreaterThan(G711.alawToLinear(previousPositive));
            assertThat(G711.alawToLinear((byte) (magnitude ^ 0x55)))
                    .isEqualTo((short) -G711.alawToLinear(positive));
        }
    }

    private static List<Short> decodedLevels(boolean ulaw) {
        List<Short> levels = new ArrayList<>();
        for (int code = 0; code < 256; code++) {
            short level = ulaw ? G711.ulawToLinear((byte) code) : G711.alawToLinear((byte) code);
            if (!levels.contains(level)) {
                levels.add(level);
            }
        }
        return levels;
    }

    @Test
    void lawConversionGoesThroughTheLinearValue() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.ulawToAlaw((byte) code))
                    .isEqualTo(G711.linearToAlaw(G711.ulawToLinear((byte) code)));
            assertThat(G711.alawToUlaw((byte) code))
                    .isEqualTo(G711.linearToUlaw(G711.alawToLinear((byte) code)));
        }
        assertThat(G711.ulawToAlaw((byte) 0xFF)).isEqualTo((byte) 0xD5);
        assertThat(G711.ulawToAlaw((byte) 0x7F)).isEqualTo((byte) 0xD5);
        assertThat(G711.alawToUlaw((byte) 0xD5)).isEqualTo((byte) 0xFE);
        assertThat(G711.ulawToAlaw((byte) 0x80)).isEqualTo((byte) 0xAA);
        assertThat(G711.alawToUlaw((byte) 0xAA)).isEqualTo((byte) 0x80);
    }

    /**
     * A-law → µ-law → A-law is not transparent: 16 codes, where µ-law's step is coarser than
     * A-law's or the µ-law level falls between two A-law levels, come back as a neighbour one step
     * away (never across the sign), so transcoding twice adds at most one step of error.
     */
    @Test
    void aLawThroughMuLawMovesSixteenCodesByOneStep() {
        Map<Integer, Integer> moved = new TreeMap<>();
        for (int code = 0; code < 256; code++) {
            int back = G711.ulawToAlaw(G711.alawToUlaw((byte) code)) & 0xFF;
            if (back != code) {
                moved.put(code, back);
                assertThat(back & 0x80).isEqualTo(code & 0x80);
                assertThat(Math.abs(((back ^ 0x55) & 0x7F) - ((code ^ 0x55) & 0x7F))).isEqualTo(1);
            }
        }
        assertThat(moved)
                .containsOnlyKeys(
                        0x0A, 0x48, 0x4A, 0x4C, 0x4E, 0x6A, 0x78, 0x7A, 0x8A, 0xC8, 0xCA, 0xCC,
                        0xCE, 0xEA, 0xF8, 0xFA);
    }

    /**
     * µ-law → A-law → µ-law is not transparent near zero: µ-law's first segment has steps of 8
     * where A-law's are 16, so the 16 odd codes 0x71..0x7F and 0xF1..0xFF (levels ±0, ±16, ±32 …
     * ±112) come back as their neighbour one step away from zero; -0 (0x7F) becomes +8 (0xFE).
     */
    @Test
    void muLawThroughALawLosesTheFinestStepsNearZero() {
        Map<Integer, Integer> moved = new TreeMap<>();
        for (int code = 0; code < 256; code++) {
            int back = G711.alawToUlaw(G711.ulawToAlaw((byte) code)) & 0xFF;
            if (back != code) {
                moved.put(code, back);
            }
        }
        Map<Integer, Integer> expected = new TreeMap<>();
        for (int code = 0x71; code <= 0x7D; code += 2) {
            expected.put(code, code + 1);
            expected.put(code + 0x80, code + 0x80 - 1);
        }
        expected.put(0x7F, 0xFE);
        expected.put(0xFF, 0xFE);
        assertThat(moved).isEqualTo(expected);
    }

    @Test
    void bulkHelpersMatchTheScalarOnesAtOffsets() {
        short[] pcm = ToneGenerator.sine(1000, 8000, 160, 0.8);
        byte[] ulaw = new byte[170];
        byte[] alaw = new byte[170];
        G711.encodeUlaw(pcm, 0, 160, ulaw, 5);
        G711.encodeAlaw(pcm, 0, 160, alaw, 5);
        short[] ulawDecoded = new short[163];
        short[] alawDecoded = new short[163];
        G711.decodeUlaw(ulaw, 5, 160, ulawDecoded, 3);
        G711.decodeAlaw(alaw, 5, 160, alawDecoded, 3);
        byte[] transcoded = new byte[160];
        G711.ulawToAlaw(ulaw, 5, transcoded, 0, 160);
        byte[] inPlace = alaw.clone();
        G711.alawToUlaw(inPlace, 5, inPlace, 5, 160);
        for (int i = 0; i < 160; i++) {
            assertThat(ulaw[5 + i]).isEqualTo(G711.linearToUlaw(pcm[i]));
            assertThat(alaw[5 + i]).isEqualTo(G711.linearToAlaw(pcm[i]));
            assertThat(ulawDecoded[3 + i]).isEqualTo(G711.ulawToLinear(ulaw[5 + i]));
            assertThat(alawDecoded[3 + i]).isEqualTo(G711.alawToLinear(alaw[5 + i]));
            assertThat(transcoded[i]).isEqualTo(G711.ulawToAlaw(ulaw[5 + i]));
            assertThat(inPlace[5 + i]).isEqualTo(G711.alawToUlaw(alaw[5 + i]));
        }
        assertThat(ulaw[4]).isZero();
        assertThat(ulaw[165]).isZero();
    }

    @Test
    void aBulkCallOutsideTheArrayFailsBeforeWritingAnything() {
        short[] pcm = new short[10];
        byte[] out = new byte[8];
        assertThatThrownBy(() -> G711.encodeUlaw(pcm, 0, 10, out, 0))
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);
        assertThat(out).containsOnly((byte) 0);
    }
}
