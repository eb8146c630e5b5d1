package io.vpbx.infrastructure.audio;

import java.util.Arrays;

/**
 * Streaming sample-rate converter to {@value #OUT_RATE} Hz by band-limited interpolation: each
 * output sample is the input convolved with a Kaiser-windowed sinc low-pass centred on the output
 * instant (the classic "bandlimited interpolation" of J. O. Smith).
 *
 * <p>The low-pass cuts at {@value #CUTOFF_HZ} Hz (below the 4 kHz Nyquist limit of the telephone
 * rate; when upsampling from a rate below 8 kHz, at 42.5 % of the input rate instead). With {@value
 * #ZERO_CROSSINGS} zero crossings per side and a Kaiser window of β = {@value #KAISER_BETA}, the
 * stopband is about 80 dB down and begins near 3.95 kHz, so content above 4 kHz (e.g. cymbals in
 * uploaded music) does not alias back into the band as audible whistles. The work per input sample
 * is constant (about 38 multiply-adds whatever the input rate), and memory is a small window of
 * recent input, so long uploads stream through.
 *
 * <p>The kernel is tabulated at {@value #TABLE_STEPS} points per input sample and read with linear
 * interpolation. The filter has unity gain at DC.
 */
final class SincResampler {
    static final int OUT_RATE = 8000;
    static final double CUTOFF_HZ = 3400;
    static final int ZERO_CROSSINGS = 16;
    static final double KAISER_BETA = 8.0;
    static final int TABLE_STEPS = 128;

    /** Receives the output samples, scaled to [-1, 1]. */
    interface Sink {
        void accept(float sample);
    }

    private final Sink sink;
    private final boolean passThrough;
    private final double step;
    private final int halfTaps;
    private final float[] kernel;

    private float[] buffer = new float[1 << 16];
    private long bufferStart;
    private int count;
    private long nextOut;

    SincResampler(int inputRate, Sink sink) {
        if (inputRate <= 0) {
            throw new IllegalArgumentException("input rate " + inputRate);
        }
        this.sink = sink;
        this.passThrough = inputRate == OUT_RATE;
        this.step = (double) inputRate / OUT_RATE;
        // fc: the cut-off in cycles per input sample.
        double fc = Math.min(CUTOFF_HZ, 0.425 * inputRate) / inputRate;
        double halfWidth = ZERO_CROSSINGS / (2 * fc);
        this.halfTaps = (int) Math.ceil(halfWidth);
        int size = (int) Math.ceil(halfWidth * TABLE_STEPS) + 2;
        this.kernel = new float[size];
        double i0Beta = besselI0(KAISER_BETA);
        for (int i = 0; i < size; i++) {
            double d = (double) i / TABLE_STEPS;
            if (d >= halfWidth) {
                kernel[i] = 0;
                continue;
            }
            double x = 2 * fc * d;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = d / halfWidth;
            double window = besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
            kernel[i] = (float) (2 * fc * sinc * window);
        }
        if (halfTaps * 2L + 16 > buffer.length) {
            buffer = new float[halfTaps * 4 + (1 << 16)];
        }
    }

    /** Feeds {@code n} input samples. */
    void accept(float[] samples, int n) {
        if (passThrough) {
            for (int i = 0; i < n; i++) {
                sink.accept(samples[i]);
            }
            return;
        }
        int offset = 0;
        while (offset < n) {
            if (count == buffer.length) {
                compact();
            }
            int chunk = Math.min(n - offset, buffer.length - count);
            System.arraycopy(samples, offset, buffer, count, chunk);
            count += chunk;
            offset += chunk;
            produce(false);
        }
    }

    /** No more input: emits the remaining output, treating samples past the end as silence. */
    void finish() {
        if (!passThrough) {
            produce(true);
        }
    }

    private void produce(boolean atEnd) {
        long total = bufferStart + count;
        while (true) {
            double t = nextOut * step;
            long centre = (long) Math.floor(t);
            if (atEnd ? t >= total : centre + halfTaps >= total) {
                return;
            }
            double sum = 0;
            long from = Math.max(centre - halfTaps + 1, 0);
            long to = Math.min(centre + halfTaps, total - 1);
            for (long k = from; k <= to; k++) {
                sum += buffer[(int) (k - bufferStart)] * kernelAt(Math.abs(t - k));
            }
            sink.accept((float) sum);
            nextOut++;
        }
    }

    private double kernelAt(double d) {
        double pos = d * TABLE_STEPS;
        int i = (int) pos;
        if (i >= kernel.length - 1) {
            return 0;
        }
        double frac = pos - i;
        return kernel[i] + (kernel[i + 1] - kernel[i]) * frac;
    }

    private void compact() {
        long keepFrom = (long) Math.floor(nextOut * step) - halfTaps;
        int drop = (int) Math.max(0, Math.min(count, keepFrom - bufferStart));
        if (drop == 0) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
            return;
        }
        System.arraycopy(buffer, drop, buffer, 0, count - drop);
        count -= drop;
        bufferStart += drop;
    }

    /** The zeroth-order modified Bessel function of the first kind, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / (k * k);
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }
}
