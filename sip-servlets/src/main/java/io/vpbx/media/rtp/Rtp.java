package io.vpbx.media.rtp;

/** RTP fixed header (RFC 3550 §5.1), read and written in a byte array. */
public final class Rtp {
    public static final int HEADER = 12;

    private Rtp() {}

    /**
     * Whether the bytes can be an RTP packet: version 2, and long enough for the header, its CSRC
     * list, its extension and its padding.
     */
    public static boolean valid(byte[] p, int len) {
        if (len < HEADER || (p[0] & 0xC0) != 0x80) {
            return false;
        }
        int offset = payloadOffset(p, len);
        if (offset < 0 || offset > len) {
            return false;
        }
        return payloadLength(p, len) >= 0;
    }

    /**
     * RTCP and RTP share a port under rtcp-mux (RFC 5761 §4): a second byte of 192–223 (payload
     * types 64–95 with the marker bit) is RTCP, never to be relayed as audio.
     */
    public static boolean isRtcp(byte[] p, int len) {
        if (len < 2) {
            return false;
        }
        int type = p[1] & 0xFF;
        return type >= 192 && type <= 223;
    }

    public static boolean marker(byte[] p) {
        return (p[1] & 0x80) != 0;
    }

    public static int payloadType(byte[] p) {
        return p[1] & 0x7F;
    }

    public static int sequence(byte[] p) {
        return ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
    }

    public static int timestamp(byte[] p) {
        return readInt(p, 4);
    }

    public static int ssrc(byte[] p) {
        return readInt(p, 8);
    }

    /** Where the payload starts: after the CSRC list and the header extension; -1 if malformed. */
    public static int payloadOffset(byte[] p, int len) {
        int offset = HEADER + 4 * (p[0] & 0x0F);
        if ((p[0] & 0x10) != 0) {
            if (offset + 4 > len) {
                return -1;
            }
            int words = ((p[offset + 2] & 0xFF) << 8) | (p[offset + 3] & 0xFF);
            offset += 4 + 4 * words;
        }
        return offset;
    }

    /** The payload's length without padding (RFC 3550 §5.1 P bit); -1 if malformed. */
    public static int payloadLength(byte[] p, int len) {
        int offset = payloadOffset(p, len);
        if (offset < 0) {
            return -1;
        }
        int padding = (p[0] & 0x20) != 0 ? p[len - 1] & 0xFF : 0;
        int payload = len - offset - padding;
        return payload < 0 ? -1 : payload;
    }

    /** Writes a fixed header without CSRCs or extension. */
    public static void writeHeader(
            byte[] p, boolean marker, int payloadType, int sequence, int timestamp, int ssrc) {
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        p[2] = (byte) (sequence >>> 8);
        p[3] = (byte) sequence;
        writeInt(p, 4, timestamp);
        writeInt(p, 8, ssrc);
    }

    static int readInt(byte[] p, int at) {
        return ((p[at] & 0xFF) << 24)
                | ((p[at + 1] & 0xFF) << 16)
                | ((p[at + 2] & 0xFF) << 8)
                | (p[at + 3] & 0xFF);
    }

    static void writeInt(byte[] p, int at, int value) {
        p[at] = (byte) (value >>> 24);
        p[at + 1] = (byte) (value >>> 16);
        p[at + 2] = (byte) (value >>> 8);
        p[at + 3] = (byte) value;
    }
}
