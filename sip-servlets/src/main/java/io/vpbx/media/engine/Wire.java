package io.vpbx.media.engine;

import io.vpbx.media.api.Codec;
import java.net.InetSocketAddress;

/**
 * What the offer/answer settled for one endpoint, published to its media thread as one immutable
 * value.
 *
 * @param remote where the phone said it receives RTP; null when it gave no address (0.0.0.0)
 * @param codec the codec we send, null before negotiation (nothing is sent then)
 * @param sendPayloadType the payload type the phone expects for {@code codec}
 * @param sendEventType the phone's telephone-event payload type, -1 if it has none
 * @param receiveEventType the telephone-event payload type in our SDP (what the phone sends)
 * @param remoteReceives whether the phone wants media from us (not sendonly, not inactive)
 * @param holding whether the phone holds the call
 * @param generation changes with every new remote SDP address, to restart latching
 */
record Wire(
        InetSocketAddress remote,
        Codec codec,
        int sendPayloadType,
        int sendEventType,
        int receiveEventType,
        boolean remoteReceives,
        boolean holding,
        int generation) {
    static final Wire NONE = new Wire(null, null, -1, -1, -1, false, false, 0);
}
