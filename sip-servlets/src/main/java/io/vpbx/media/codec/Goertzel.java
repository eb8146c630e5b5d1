package io.vpbx.media.codec;

/**
 * The Goertzel algorithm: how much of a block of audio is one given frequency. Tests use it to
 * assert "this stream carries the 1 kHz test tone", so the result is a ratio independent of level.
 *
 * <p>For a block {@code x[0..N-1]} and frequency {@code f} at sample rate {@code fs}, with {@code
 * X(f) = Σ x[n]·e^(-j2πfn/fs)} (the DTFT evaluated exactly at {@code f}, not rounded to a DFT bin),
 * the result is
 *
 * <pre>
 *     power = min(1, 2·|X(f)|² / (N · Σ x[n]²))
 * </pre>
 *
 * that is the energy of the best-fitting sinusoid at {@code f} divided by the total energy of the
 * block. A pure tone at {@code f} gives ≈ 1, two equal tones give ≈ 0.5 each, silence gives 0. The
 * DC component and tones closer to {@code f} than about {@code fs/N} leak into the estimate, so use
 * blocks of at least 20 ms (160 samples at 8 kHz) when the frequencies of interest are close.
 */
public final class Goertzel {
    /** G.711 is defined at 8000 samples per second (G.711 §1). */
    private static final int G711_SAMPLE_RATE = 8000;

    private Goertzel() {}

    /**
     * The share of the block's energy that is a sinusoid at {@code frequency}, from 0 to 1.
     *
     * @throws IllegalArgumentException if the frequency is not between 0 and the Nyquist frequency
     */
    public static double power(short[] pcm, int off, int len, double frequency, int sampleRate) {
        checkArguments(pcm.length, off, len, frequency, sampleRate);
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = off; i < off + len; i++) {
            double x = pcm[i];
            double s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
            energy += x * x;
        }
        return ratio(s1, s2, coefficient, energy, len);
    }

    /**
     * {@link #power(short[], int, int, double, int)} over G.711 octets at 8 kHz, decoded on the fly
     * without allocating.
     */
    public static double power(byte[] g711, boolean alaw, int off, int len, double frequency) {
        checkArguments(g711.length, off, len, frequency, G711_SAMPLE_RATE);
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / G711_SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = off; i < off + len; i++) {
            double x = alaw ? G711.alawToLinear(g711[i]) : G711.ulawToLinear(g711[i]);
            double s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
            energy += x * x;
        }
        return ratio(s1, s2, coefficient, energy, len);
    }

    private static double ratio(double s1, double s2, double coefficient, double energy, int len) {
        if (energy == 0) {
            return 0;
        }
        double magnitudeSquared = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        // A tone that is not a whole number of cycles in the block can overshoot 1 by a hair.
        return Math.min(1.0, 2 * magnitudeSquared / (len * energy));
    }

    private static void checkArguments(
            int arrayLength, int off, int len, double frequency, int sampleRate) {
        if (off < 0 || len < 0 || off > arrayLength - len) {
            throw new ArrayIndexOutOfBoundsException(
                    "range [" + off + ", " + off + "+" + len + ") outside array of " + arrayLength);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (!(frequency > 0 && frequency < sampleRate / 2.0)) {
            throw new IllegalArgumentException(
                    "frequency " + frequency + " Hz is not between 0 and " + sampleRate / 2.0);
        }
    }
}
