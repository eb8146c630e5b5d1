package io.vpbx.media.api;

/** The audio codecs an endpoint negotiates (G.711, RFC 3551 static payload types). */
public enum Codec {
    PCMU(0, "pcmu"),
    PCMA(8, "pcma");

    public final int payloadType;
    public final String encoding;

    Codec(int payloadType, String encoding) {
        this.payloadType = payloadType;
        this.encoding = encoding;
    }

    /** The codec of an encoding name as in an rtpmap (lower case), or null. */
    public static Codec ofEncoding(String encoding) {
        for (Codec codec : values()) {
            if (codec.encoding.equals(encoding)) {
                return codec;
            }
        }
        return null;
    }
}
