/**
 * RTP and RTCP at the packet level (RFC 3550): header fields read and written in place, the
 * receiver statistics of a stream (loss, extended sequence number, interarrival jitter), and
 * compound RTCP reports. Nothing here allocates per packet.
 */
package io.vpbx.media.rtp;
