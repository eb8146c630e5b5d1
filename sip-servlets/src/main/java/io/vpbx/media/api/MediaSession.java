package io.vpbx.media.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The media of one call: its endpoints live on one media thread, so every packet of the call is
 * handled in order and without locks. Every method returns at once; the work happens on the media
 * thread.
 */
public interface MediaSession {
    String callId();

    /** A new endpoint with its own port pair. Thrown when the RTP range is exhausted. */
    Endpoint newEndpoint() throws IOException;

    /**
     * Connects two endpoints both ways: what one phone sends the other hears (transcoded when their
     * codecs differ, telephone-events passed with the other leg's payload type). Replaces any
     * earlier bridge of either endpoint.
     */
    void bridge(Endpoint a, Endpoint b);

    /**
     * Plays audio to an endpoint instead of what its bridged peer says, until it ends (then {@link
     * MediaListener#playFinished}), or forever when looping, or until {@link #stopPlaying}.
     */
    void play(Endpoint to, Audio audio, boolean loop);

    /** Back to the bridged peer's audio (or silence). */
    void stopPlaying(Endpoint to);

    /**
     * Records both endpoints' incoming audio into one stereo 8 kHz WAV (left: {@code left}, right:
     * {@code right}) until the session closes. The file is written by a writer thread; {@link
     * MediaListener#recordingFinished} reports it complete.
     */
    void record(Endpoint left, Endpoint right, Path wav);

    /**
     * From now on, a silence longer than the media timeout ends the call ({@link
     * MediaListener#mediaTimeout}). Called when the call is answered.
     */
    void superviseMedia();

    /**
     * A DTMF digit a phone sent as SIP INFO ({@code application/dtmf-relay} or {@code
     * application/dtmf}): reported through {@link MediaListener#dtmf} in order with the RFC 4733
     * digits of the same phone.
     *
     * @return whether the body was a DTMF digit
     */
    boolean infoDtmf(Endpoint from, String contentType, byte[] body);

    /** Releases one endpoint and its ports (a leg that did not answer). */
    void release(Endpoint endpoint);

    /** Releases every endpoint and finishes a recording. */
    void close();
}
