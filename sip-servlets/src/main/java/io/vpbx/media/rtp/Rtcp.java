package io.vpbx.media.rtp;

import java.nio.charset.StandardCharsets;

/**
 * Compound RTCP packets (RFC 3550 §6): we terminate RTCP on each leg, so we read the phone's sender
 * reports (for the round trip of our own reports) and write our own SR or RR with one report block
 * and an SDES CNAME, which every compound packet must carry (§6.1).
 */
public final class Rtcp {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;

    /** Seconds from 1900 (NTP) to 1970 (Unix). */
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private Rtcp() {}

    /** Whether the bytes start a valid compound packet: version 2 and an SR or RR first (§6.1). */
    public static boolean valid(byte[] p, int len) {
        if (len < 8 || (p[0] & 0xC0) != 0x80) {
            return false;
        }
        int type = p[1] & 0xFF;
        if (type != SR && type != RR) {
            return false;
        }
        int offset = 0;
        while (offset + 4 <= len) {
            int words = ((p[offset + 2] & 0xFF) << 8) | (p[offset + 3] & 0xFF);
            offset += 4 * (words + 1);
        }
        return offset == len;
    }

    /**
     * The middle 32 bits of the NTP timestamp of a sender report (LSR of §6.4.1), or -1 when the
     * compound packet does not start with an SR.
     */
    public static long lastSenderReport(byte[] p, int len) {
        if (len < 28 || (p[1] & 0xFF) != SR) {
            return -1;
        }
        return (((p[10] & 0xFFL) << 24)
                        | ((p[11] & 0xFFL) << 16)
                        | ((p[12] & 0xFFL) << 8)
                        | (p[13] & 0xFFL))
                & 0xFFFFFFFFL;
    }

    /** The NTP timestamp (64-bit fixed point) of a wall-clock time. */
    public static long ntp(long epochMillis) {
        long seconds = epochMillis / 1000 + NTP_EPOCH_OFFSET;
        long fraction = ((epochMillis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /**
     * Writes a compound packet: an SR when {@code packetsSent > 0} since we are a sender, else an
     * RR; one report block about {@code received} when it has started; then SDES with our CNAME.
     *
     * @param lsr the middle 32 bits of the last SR we received, 0 if none
     * @param dlsr the delay since that SR in 1/65536 s, 0 if none
     * @return the length written
     */
    public static int writeReport(
            byte[] out,
            int ssrc,
            long ntpTime,
            int rtpTime,
            long packetsSent,
            long octetsSent,
            ReceiveStatistics received,
            long lsr,
            long dlsr,
            byte[] cname) {
        boolean sender = packetsSent > 0;
        int blocks = received != null && received.started() ? 1 : 0;
        int at = 0;
        int words = (sender ? 6 : 1) + 6 * blocks;
        out[at++] = (byte) (0x80 | blocks);
        out[at++] = (byte) (sender ? SR : RR);
        out[at++] = (byte) (words >>> 8);
        out[at++] = (byte) words;
        Rtp.writeInt(out, at, ssrc);
        at += 4;
        if (sender) {
            Rtp.writeInt(out, at, (int) (ntpTime >>> 32));
            Rtp.writeInt(out, at + 4, (int) ntpTime);
            Rtp.writeInt(out, at + 8, rtpTime);
            Rtp.writeInt(out, at + 12, (int) packetsSent);
            Rtp.writeInt(out, at + 16, (int) octetsSent);
            at += 20;
        }
        if (blocks == 1) {
            Rtp.writeInt(out, at, received.ssrc());
            long lost = Math.max(-0x800000, Math.min(0x7FFFFF, received.lost()));
            int fraction = received.fractionLostSinceLastReport();
            Rtp.writeInt(out, at + 4, (fraction << 24) | (int) (lost & 0xFFFFFF));
            Rtp.writeInt(out, at + 8, (int) received.extendedHighest());
            Rtp.writeInt(out, at + 12, (int) received.jitter());
            Rtp.writeInt(out, at + 16, (int) lsr);
            Rtp.writeInt(out, at + 20, (int) dlsr);
            at += 24;
        }
        // SDES: one chunk, CNAME item, null terminator, padded to a 32-bit boundary (§6.5).
        int itemBytes = 2 + cname.length;
        int chunkBytes = 4 + itemBytes + 1;
        chunkBytes = (chunkBytes + 3) & ~3;
        int sdesWords = chunkBytes / 4;
        out[at] = (byte) 0x81;
        out[at + 1] = (byte) SDES;
        out[at + 2] = (byte) (sdesWords >>> 8);
        out[at + 3] = (byte) sdesWords;
        Rtp.writeInt(out, at + 4, ssrc);
        out[at + 8] = 1; // CNAME
        out[at + 9] = (byte) cname.length;
        System.arraycopy(cname, 0, out, at + 10, cname.length);
        int end = at + 4 + chunkBytes;
        for (int i = at + 10 + cname.length; i < end; i++) {
            out[i] = 0;
        }
        return end;
    }

    /** Our CNAME (RFC 3550 §6.5.1: user@host style, unique per engine). */
    public static byte[] cname(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return bytes.length <= 255 ? bytes : java.util.Arrays.copyOf(bytes, 255);
    }
}
