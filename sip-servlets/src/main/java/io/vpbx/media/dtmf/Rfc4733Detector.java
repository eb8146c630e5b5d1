package io.vpbx.media.dtmf;

/**
 * Turns the telephone-event packets of one RTP stream (RFC 4733) into key presses, each reported
 * once, in order, as soon as its first packet arrives.
 *
 * <p>RFC 4733 identifies an event by its RTP timestamp, which stays the same for the start packet,
 * the duration updates and the (usually three) retransmitted end packets (§2.5.1). So a press is
 * delivered at the first packet with a timestamp newer than the last delivered one, whatever kind
 * of packet that is: when the start packet is lost, an update or even an end packet reports the
 * press. The marker bit is deliberately not required for the same reason. Packets with the current
 * timestamp are updates or duplicates and are absorbed; packets with an older timestamp are late or
 * reordered, and are dropped even when their event was never delivered, because reporting a digit
 * after a later one would reorder the caller's input.
 *
 * <p>A key held longer than the 16-bit duration field can express (about 8 s at 8 kHz) is sent as
 * segments (§2.5.1.3, §2.5.2.3): a new timestamp equal to the previous timestamp plus the previous
 * duration, the same event, and no E bit on the segment before. Such a continuation is recognised
 * and absorbed, so a long press is one digit.
 *
 * <p>Several events in one packet, which §2.5.1.5 carries in the RFC 2198 redundancy format, are
 * handled by the caller unpacking each redundant block and passing it here with its own
 * reconstructed timestamp, oldest first; blocks already seen are then just duplicates. Only the
 * first 4-octet event block of a payload is read.
 *
 * <p>Timestamps are compared with RFC 1982 serial-number arithmetic, so the 32-bit wrap-around is
 * invisible. One instance per stream; not thread-safe; no allocation per packet.
 */
public final class Rfc4733Detector {
    /** Longest duration a segment can carry (§2.3: 16-bit unsigned field). */
    private static final int MAX_SEGMENT_DURATION = 0xFFFF;

    /**
     * How far below {@link #MAX_SEGMENT_DURATION} a sender may close a segment: it stops at the
     * last update that still fits, so the gap is at most one update interval. 4096 samples is 0.5 s
     * at 8 kHz, generous for the usual 50 ms updates and still 85 ms at a 48 kHz event clock.
     */
    private static final int SEGMENT_CLOSE_SLACK = 4096;

    private static final int MAX_DTMF_EVENT = 15;

    private boolean anyEventSeen;
    private int currentTimestamp;
    private int currentEvent;
    private int currentDuration;
    private boolean currentEnded;

    /**
     * Feeds one telephone-event RTP packet.
     *
     * @param rtpTimestamp the RTP header timestamp, taken as unsigned 32 bits
     * @param marker the RTP marker bit (informational only; see the class comment)
     * @param payload the RTP payload: event (8), E (1), R (1), volume (6), duration (16), per §2.3
     */
    public void packet(
            int rtpTimestamp,
            boolean marker,
            byte[] payload,
            int offset,
            int length,
            DtmfListener listener) {
        if (payload == null || length < 4 || offset < 0 || offset > payload.length - 4) {
            return;
        }
        int event = payload[offset] & 0xFF;
        if (event > MAX_DTMF_EVENT) {
            return;
        }
        boolean end = (payload[offset + 1] & 0x80) != 0;
        int duration = ((payload[offset + 2] & 0xFF) << 8) | (payload[offset + 3] & 0xFF);

        if (anyEventSeen) {
            // Serial-number difference (RFC 1982): negative means older, across the wrap too.
            int age = rtpTimestamp - currentTimestamp;
            if (age == 0) {
                if (event == currentEvent) {
                    currentDuration = Math.max(currentDuration, duration);
                    currentEnded |= end;
                }
                return;
            }
            if (age < 0) {
                return;
            }
            if (event == currentEvent && !currentEnded && continuesSegment(age)) {
                currentTimestamp = rtpTimestamp;
                currentDuration = duration;
                currentEnded = end;
                return;
            }
        }
        anyEventSeen = true;
        currentTimestamp = rtpTimestamp;
        currentEvent = event;
        currentDuration = duration;
        currentEnded = end;
        listener.digit(DtmfDigit.ofEvent(event), duration);
    }

    /** Forgets the stream, e.g. after an SSRC change when timestamps restart at random. */
    public void reset() {
        anyEventSeen = false;
    }

    /**
     * A new segment of a long press starts exactly where the previous one ended (§2.5.1.3), and the
     * previous one was only closed because it was about to overflow. A repeated press of the same
     * key whose end packets were all lost starts after the first press plus a gap, which for any
     * press shorter than about 7.5 s is well below the overflow point.
     */
    private boolean continuesSegment(int age) {
        return age <= MAX_SEGMENT_DURATION
                && age >= currentDuration
                && age > MAX_SEGMENT_DURATION - SEGMENT_CLOSE_SLACK;
    }
}
