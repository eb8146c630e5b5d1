package io.vpbx.media.api;

import java.time.Duration;

/**
 * How the engine runs.
 *
 * @param bindAddress the address RTP sockets bind to
 * @param advertisedAddress the address written into our SDP (where phones send media)
 * @param firstPort the first port of the RTP range; RTP takes even ports, RTCP the next odd one
 * @param portCount how many ports the range has
 * @param mediaTimeout an answered call with no RTP from either side for this long is ended
 * @param holdTimeout the same while a side holds the call (phones on hold often send nothing)
 * @param threads network threads; each carries whole sessions, so one per core
 */
public record MediaSettings(
        String bindAddress,
        String advertisedAddress,
        int firstPort,
        int portCount,
        Duration mediaTimeout,
        Duration holdTimeout,
        int threads) {
    public MediaSettings {
        if (firstPort <= 0 || firstPort + portCount > 65536 || portCount < 2) {
            throw new IllegalArgumentException("RTP range out of bounds");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one media thread");
        }
    }
}
