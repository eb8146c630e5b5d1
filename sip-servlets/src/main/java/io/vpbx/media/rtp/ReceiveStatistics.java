package io.vpbx.media.rtp;

/**
 * What a receiver knows about one incoming stream (RFC 3550 §6.4.1, algorithms of appendix A.1, A.3
 * and A.8): the extended highest sequence number, packets expected and lost, and the interarrival
 * jitter in timestamp units. A new SSRC restarts the statistics.
 */
public final class ReceiveStatistics {
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private boolean started;
    private int ssrc;
    private int maxSeq;
    private int cycles;
    private int baseSeq;
    private int badSeq = SEQ_MOD + 1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long transit;
    private boolean haveTransit;
    private double jitter;

    /**
     * Accounts for a packet.
     *
     * @param arrival the arrival time in the stream's timestamp units (8 kHz ticks)
     * @return false for a packet outside the sequence window (a probable restart, RFC 3550 A.1)
     */
    public boolean packet(int ssrc, int seq, int timestamp, long arrival) {
        if (!started || ssrc != this.ssrc) {
            restart(ssrc, seq);
        }
        int delta = (seq - maxSeq) & 0xFFFF;
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                restart(ssrc, seq);
            } else {
                badSeq = (seq + 1) & (SEQ_MOD - 1);
                return false;
            }
        }
        received++;
        long t = arrival - (timestamp & 0xFFFFFFFFL);
        if (haveTransit) {
            long d = Math.abs(t - transit);
            jitter += (d - jitter) / 16.0;
        }
        transit = t;
        haveTransit = true;
        return true;
    }

    private void restart(int ssrc, int seq) {
        this.started = true;
        this.ssrc = ssrc;
        this.baseSeq = seq;
        this.maxSeq = seq;
        this.cycles = 0;
        this.badSeq = SEQ_MOD + 1;
        this.received = 0;
        this.expectedPrior = 0;
        this.receivedPrior = 0;
        this.haveTransit = false;
        this.jitter = 0;
    }

    public boolean started() {
        return started;
    }

    public int ssrc() {
        return ssrc;
    }

    public long extendedHighest() {
        return (long) cycles + maxSeq;
    }

    public long expected() {
        return started ? extendedHighest() - baseSeq + 1 : 0;
    }

    public long received() {
        return received;
    }

    /** Cumulative packets lost (RFC 3550 A.3); negative when duplicates arrived. */
    public long lost() {
        return expected() - received;
    }

    /** Interarrival jitter in timestamp units. */
    public long jitter() {
        return (long) jitter;
    }

    /**
     * The fraction lost since the previous call, as the 8-bit fixed point of a report block; also
     * starts the next interval.
     */
    public int fractionLostSinceLastReport() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received - receivedPrior;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) ((lostInterval << 8) / expectedInterval);
    }
}
