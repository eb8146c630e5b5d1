package io.vpbx.media.api;

/**
 * Our end of one leg's media: an RTP port and the RTCP port after it, and this leg's side of the
 * SDP offer/answer (RFC 3264). We always offer or answer with our own address and port, so every
 * packet passes through the engine (anchoring). Thread-safe.
 */
public interface Endpoint {
    int port();

    /**
     * Takes the phone's offer. Thrown when it has no plain-RTP audio stream with PCMU or PCMA (the
     * call gets 488).
     */
    void remoteOffer(String sdp) throws SdpException;

    /**
     * Our answer to the last remote offer, with the codec this leg will use: {@code preferred} if
     * the phone offered it (so that the other leg needs no transcoding), else the phone's first
     * G.711 codec. Media lines we do not carry are refused with port 0, in their order.
     */
    String localAnswer(Codec preferred);

    /** Our offer: PCMU and PCMA (preferred first) and telephone-event. */
    String localOffer(Codec preferred);

    /** Takes the phone's answer to our offer. */
    void remoteAnswer(String sdp) throws SdpException;

    /** The codec negotiated on this leg, or null before negotiation. */
    Codec codec();

    /** The first codec the phone offered or answered, or null: the leg's preference. */
    Codec preferredCodec();

    /** Whether the phone's last SDP puts the call on hold (sendonly, inactive, 0.0.0.0). */
    boolean holding();
}
