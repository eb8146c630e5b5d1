package io.vpbx.media.bench;

/**
 * Counts of a time deviation in 10 µs buckets up to 200 ms (anything longer lands in the last one),
 * read as percentiles. One thread writes it; it allocates nothing per value.
 */
final class DeviationHistogram {
    static final long BUCKET_NANOS = 10_000L;
    private static final int BUCKETS = 20_000;

    private final long[] counts = new long[BUCKETS + 1];
    private long total;

    void add(long deviationNanos) {
        int bucket = (int) Math.min(BUCKETS, Math.abs(deviationNanos) / BUCKET_NANOS);
        counts[bucket]++;
        total++;
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    long total() {
        return total;
    }

    /** The upper edge of the bucket that holds the given fraction of all values, in ms. */
    double percentileMillis(double fraction) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return (counts.length) * BUCKET_NANOS / 1e6;
    }
}
