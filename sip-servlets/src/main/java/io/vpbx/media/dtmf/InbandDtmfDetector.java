package io.vpbx.media.dtmf;

import java.util.Arrays;

/**
 * Detects DTMF key presses in the audio itself (ITU-T Q.23 tone pairs), for devices that neither
 * send RFC 4733 events nor SIP INFO, over 8 kHz 16-bit linear PCM.
 *
 * <p>The audio is cut into frames of 160 samples (20 ms) and each frame is measured with the
 * Goertzel algorithm at the eight Q.23 frequencies. 160 rather than the textbook 205 samples: it is
 * one RTP packet at the usual 20 ms packetisation, and it lets the Q.24 minimum of 40 ms be checked
 * as two consecutive frames, whereas two 205-sample frames need 51 ms of tone and would miss a 50
 * ms press that straddles a frame boundary. The price is a 50 Hz resolution; the closest Q.23
 * frequencies are 73 Hz apart and are evaluated at their exact frequency, where the neighbour's
 * leakage is still 13 dB down, well clear of the 6 dB in-group margin below.
 *
 * <p>A frame holds a key when all of these hold (Q.24 acceptance, with margins for real lines):
 *
 * <ul>
 *   <li>the strongest low-group and the strongest high-group frequency are each above {@link
 *       #MIN_TONE_AMPLITUDE};
 *   <li>each is at least 6 dB above the other frequencies of its group;
 *   <li>twist: the high group is at most 8 dB above the low group (forward twist) and the low group
 *       at most 4 dB above the high group (reverse twist);
 *   <li>the two tones carry at least 60% of the frame's energy, which is what rejects speech and
 *       music; a frame only three-fifths covered by a tone that ends inside it still qualifies.
 * </ul>
 *
 * <p>A press is reported when two consecutive frames hold the same key (≥ 40 ms of tone), once, and
 * the next press is only accepted after two frames (40 ms) without a key, so a long press with a
 * momentary dropout is not a second digit. A 50 ms pause always contains two such frames.
 *
 * <p>One instance per stream; not thread-safe; no allocation after construction.
 */
public final class InbandDtmfDetector {
    private static final int SAMPLE_RATE = 8000;
    private static final int FRAME = 160;
    private static final int[] FREQUENCIES = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
    private static final char[][] KEYPAD = {
        {'1', '2', '3', 'A'},
        {'4', '5', '6', 'B'},
        {'7', '8', '9', 'C'},
        {'*', '0', '#', 'D'},
    };

    /**
     * Peak amplitude a tone must reach, about -35 dBm0 (0 dBm0 ≈ 22 654 in G.711's 16-bit scale),
     * below the -25 to -30 dBm0 that Q.24 lets administrations require a receiver to accept.
     */
    private static final double MIN_TONE_AMPLITUDE = 400;

    private static final double MIN_TONE_POWER = MIN_TONE_AMPLITUDE * MIN_TONE_AMPLITUDE / 2;
    private static final double FORWARD_TWIST = Math.pow(10, 8 / 10.0);
    private static final double REVERSE_TWIST = Math.pow(10, 4 / 10.0);
    private static final double IN_GROUP_MARGIN = Math.pow(10, 6 / 10.0);
    private static final double MIN_TONE_SHARE = 0.6;
    private static final int FRAMES_TO_ACCEPT = 2;
    private static final int FRAMES_TO_RELEASE = 2;
    private static final char NONE = 0;

    private static final double[] COEFFICIENTS = new double[FREQUENCIES.length];

    static {
        for (int i = 0; i < FREQUENCIES.length; i++) {
            COEFFICIENTS[i] = 2 * Math.cos(2 * Math.PI * FREQUENCIES[i] / SAMPLE_RATE);
        }
    }

    private final double[] s1 = new double[FREQUENCIES.length];
    private final double[] s2 = new double[FREQUENCIES.length];
    private final double[] power = new double[FREQUENCIES.length];
    private double frameEnergy;
    private int frameFill;

    private char previousFrameKey = NONE;
    private int sameKeyFrames;
    private boolean pressed;
    private int silentFrames;

    /** Feeds audio; keys are reported through {@code listener} as their frames complete. */
    public void samples(short[] pcm, int off, int len, DtmfListener listener) {
        if (off < 0 || len < 0 || off > pcm.length - len) {
            throw new ArrayIndexOutOfBoundsException(
                    "range [" + off + ", " + off + "+" + len + ") outside array of " + pcm.length);
        }
        for (int i = off; i < off + len; i++) {
            double x = pcm[i];
            for (int f = 0; f < COEFFICIENTS.length; f++) {
                double s0 = x + COEFFICIENTS[f] * s1[f] - s2[f];
                s2[f] = s1[f];
                s1[f] = s0;
            }
            frameEnergy += x * x;
            if (++frameFill == FRAME) {
                frame(classifyFrame(), listener);
                Arrays.fill(s1, 0);
                Arrays.fill(s2, 0);
                frameEnergy = 0;
                frameFill = 0;
            }
        }
    }

    private void frame(char key, DtmfListener listener) {
        if (pressed) {
            if (key == NONE) {
                if (++silentFrames >= FRAMES_TO_RELEASE) {
                    pressed = false;
                }
            } else {
                silentFrames = 0;
            }
        } else if (key != NONE) {
            sameKeyFrames = key == previousFrameKey ? sameKeyFrames + 1 : 1;
            if (sameKeyFrames >= FRAMES_TO_ACCEPT) {
                pressed = true;
                silentFrames = 0;
                listener.digit(key, sameKeyFrames * FRAME);
            }
        }
        previousFrameKey = key;
    }

    private char classifyFrame() {
        if (frameEnergy == 0) {
            return NONE;
        }
        for (int f = 0; f < FREQUENCIES.length; f++) {
            double magnitudeSquared =
                    s1[f] * s1[f] + s2[f] * s2[f] - COEFFICIENTS[f] * s1[f] * s2[f];
            // Mean power of the sinusoid at this frequency, A²/2 for a tone of amplitude A.
            power[f] = 2 * magnitudeSquared / ((double) FRAME * FRAME);
        }
        int row = strongest(0);
        int column = strongest(4);
        double low = power[row];
        double high = power[4 + column];
        if (low < MIN_TONE_POWER || high < MIN_TONE_POWER) {
            return NONE;
        }
        if (high > low * FORWARD_TWIST || low > high * REVERSE_TWIST) {
            return NONE;
        }
        if (!dominates(row, 0) || !dominates(column, 4)) {
            return NONE;
        }
        if (low + high < MIN_TONE_SHARE * frameEnergy / FRAME) {
            return NONE;
        }
        return KEYPAD[row][column];
    }

    private int strongest(int group) {
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (power[group + i] > power[group + best]) {
                best = i;
            }
        }
        return best;
    }

    private boolean dominates(int best, int group) {
        for (int i = 0; i < 4; i++) {
            if (i != best && power[group + best] < power[group + i] * IN_GROUP_MARGIN) {
                return false;
            }
        }
        return true;
    }
}
