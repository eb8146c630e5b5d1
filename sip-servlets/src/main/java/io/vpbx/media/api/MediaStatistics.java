package io.vpbx.media.api;

/**
 * Engine counters since start.
 *
 * @param sessions sessions open now
 * @param endpoints endpoints open now
 * @param packetsIn RTP and RTCP packets received
 * @param packetsOut RTP and RTCP packets sent
 * @param dropped packets dropped: malformed, from a source other than the latched one, or with
 *     nowhere to go
 * @param recordingOverruns recording buffers the writer could not take in time (audio lost)
 */
public record MediaStatistics(
        int sessions,
        int endpoints,
        long packetsIn,
        long packetsOut,
        long dropped,
        long recordingOverruns) {}
