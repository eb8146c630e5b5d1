package io.vpbx.media.codec;

/**
 * Synthetic test signals in 16-bit linear PCM: the reference tones of tests, benchmarks and
 * detectors' self-checks. Amplitudes are fractions of full scale (1.0 = 32767), so a caller thinks
 * in levels, not in sample values.
 */
public final class ToneGenerator {
    private ToneGenerator() {}

    /**
     * {@code samples} samples of {@code amplitude0to1 · 32767 · sin(2π·frequency·n / sampleRate)}.
     */
    public static short[] sine(
            double frequency, int sampleRate, int samples, double amplitude0to1) {
        return dual(frequency, amplitude0to1, frequency, 0, sampleRate, samples);
    }

    /**
     * The sum of two sines, each with its own amplitude, clipped to 16 bits; a DTMF key is {@code
     * dual(low, a, high, a·10^(twistDb/20), 8000, n)}.
     */
    public static short[] dual(
            double frequency1,
            double amplitude1,
            double frequency2,
            double amplitude2,
            int sampleRate,
            int samples) {
        if (sampleRate <= 0 || samples < 0) {
            throw new IllegalArgumentException(
                    "bad sample rate " + sampleRate + " or sample count " + samples);
        }
        checkAmplitude(amplitude1);
        checkAmplitude(amplitude2);
        short[] pcm = new short[samples];
        double w1 = 2 * Math.PI * frequency1 / sampleRate;
        double w2 = 2 * Math.PI * frequency2 / sampleRate;
        for (int n = 0; n < samples; n++) {
            double value =
                    Short.MAX_VALUE
                            * (amplitude1 * Math.sin(w1 * n) + amplitude2 * Math.sin(w2 * n));
            pcm[n] =
                    (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
        }
        return pcm;
    }

    private static void checkAmplitude(double amplitude) {
        if (!(amplitude >= 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude must be within 0..1: " + amplitude);
        }
    }
}
