package io.vpbx.media.api;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a session reports. Called on a media thread: an implementation hands the event on and
 * returns at once, never blocking (a blocked media thread stops the audio of every call it
 * carries).
 */
public interface MediaListener {
    /** A DTMF key press, once per press, in order (RFC 4733 events, SIP INFO or in-band tones). */
    default void dtmf(Endpoint from, char digit, int durationMillis) {}

    /** No RTP from either side for the configured time (the hold time while held). */
    default void mediaTimeout() {}

    /** A prompt played without looping has ended. */
    default void playFinished(Endpoint to) {}

    /** The recording's file is complete (header written, closed). */
    default void recordingFinished(Path wav, Duration length) {}
}
