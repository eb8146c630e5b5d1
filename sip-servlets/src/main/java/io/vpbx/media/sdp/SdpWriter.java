package io.vpbx.media.sdp;

import java.util.List;

/** Writes our session descriptions: one audio stream, G.711 and telephone-event, 20 ms packets. */
public final class SdpWriter {
    private SdpWriter() {}

    /**
     * A description with our audio stream.
     *
     * @param formats payload type and encoding name pairs in order of preference
     * @param mirrored for an answer, the offer's media lines: every line but {@code audioIndex} is
     *     refused with port 0 in its place (RFC 3264 §6); null for an offer
     */
    public static String write(
            String address,
            long sessionId,
            long version,
            int port,
            List<Format> formats,
            Direction direction,
            List<MediaLine> mirrored,
            int audioIndex) {
        String ipVersion = address.indexOf(':') >= 0 ? "IP6" : "IP4";
        StringBuilder sdp = new StringBuilder(320);
        sdp.append("v=0\r\n");
        sdp.append("o=vpbx ")
                .append(sessionId)
                .append(' ')
                .append(version)
                .append(" IN ")
                .append(ipVersion)
                .append(' ')
                .append(address)
                .append("\r\n");
        sdp.append("s=vpbx\r\n");
        sdp.append("c=IN ").append(ipVersion).append(' ').append(address).append("\r\n");
        sdp.append("t=0 0\r\n");
        int lines = mirrored == null ? 1 : mirrored.size();
        for (int i = 0; i < lines; i++) {
            if (mirrored != null && i != audioIndex) {
                MediaLine refused = mirrored.get(i);
                sdp.append("m=")
                        .append(refused.media())
                        .append(" 0 ")
                        .append(refused.protocol())
                        .append(' ')
                        .append(refused.formats().isEmpty() ? "0" : refused.formats().get(0))
                        .append("\r\n");
                continue;
            }
            sdp.append("m=audio ").append(port).append(" RTP/AVP");
            for (Format format : formats) {
                sdp.append(' ').append(format.payloadType());
            }
            sdp.append("\r\n");
            for (Format format : formats) {
                sdp.append("a=rtpmap:")
                        .append(format.payloadType())
                        .append(' ')
                        .append(format.rtpmapName())
                        .append("/8000\r\n");
                if (format.rtpmapName().equals("telephone-event")) {
                    sdp.append("a=fmtp:").append(format.payloadType()).append(" 0-15\r\n");
                }
            }
            sdp.append("a=ptime:20\r\n");
            sdp.append('a').append('=').append(direction.attribute()).append("\r\n");
        }
        return sdp.toString();
    }

    /** A payload format of our audio line. */
    public record Format(int payloadType, String rtpmapName) {}
}
