package io.vpbx.media.sdp;

import java.util.List;
import java.util.Map;

/**
 * One {@code m=} line with what belongs to it.
 *
 * @param media audio, video, ...
 * @param port 0 for a refused or disabled stream
 * @param protocol RTP/AVP, RTP/SAVP, ...
 * @param formats the payload types in the order of preference
 * @param rtpmap payload type → lower-case encoding name ({@code pcmu}, {@code telephone-event})
 * @param address the connection address for this stream (its own {@code c=} or the session's)
 * @param direction its own direction attribute or the session's
 */
public record MediaLine(
        String media,
        int port,
        String protocol,
        List<Integer> formats,
        Map<Integer, String> rtpmap,
        String address,
        Direction direction) {

    /** The encoding of a payload type: from rtpmap, else the static assignment of RFC 3551. */
    public String encoding(int payloadType) {
        String mapped = rtpmap.get(payloadType);
        if (mapped != null) {
            return mapped;
        }
        return switch (payloadType) {
            case 0 -> "pcmu";
            case 8 -> "pcma";
            case 13 -> "cn";
            default -> "";
        };
    }

    /** The first payload type with this encoding, or -1. */
    public int payloadType(String encoding) {
        for (int format : formats) {
            if (encoding(format).equals(encoding)) {
                return format;
            }
        }
        return -1;
    }

    /**
     * Whether the stream is put on hold: a direction that does not receive, or the connection
     * address 0.0.0.0 of RFC 2543 hold that older phones still send.
     */
    public boolean holds() {
        return !direction.receives() || "0.0.0.0".equals(address);
    }
}
