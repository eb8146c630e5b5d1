/**
 * The RTP engine behind {@code media.api}: network threads that each own whole sessions (every
 * packet of a call handled on one thread, in order, without locks), endpoints that latch onto the
 * phone's real source, relay with G.711 transcoding, the 20 ms pacing of prompts and music, RTCP
 * reports per leg, DTMF detection, media-timeout supervision, and a recording writer thread so that
 * disks never stall the audio.
 */
package io.vpbx.media.engine;
