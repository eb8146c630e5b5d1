package io.vpbx.sip.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the calls need from the core about media: which music a held party hears, whether a call is
 * recorded and where the recording goes, and where DTMF digits are reported. Every method may block
 * (database, disk), so calls run them on worker threads, never on SIP or media threads.
 */
public interface CallMediaHooks {
    /**
     * The music a held party hears (spec F §13.3): the holding user's own choice, else the
     * domain's, else the built-in default. An 8 kHz mono 16-bit WAV.
     *
     * @param holderUserId the employee who holds the call, null if unknown
     */
    Path musicOnHold(long domainId, Long holderUserId);

    /**
     * The melody the caller hears instead of ringback while the callee's phones ring («Мелодия
     * гудка»): the callee's own, else the domain's; empty for the ringback tone.
     */
    Optional<Path> ringback(long domainId, Long calleeUserId);

    /**
     * The callee's pre-call greeting (spec B BR-46/BR-58), one of the domain's audio files; empty
     * if its sound is gone.
     */
    Optional<Path> greeting(long domainId, long audioFileId);

    /**
     * A built-in announcement ({@code busy}, {@code not-available}, ...) in the installation's
     * language ({@code vpbx.prompts.language}, Russian unless set to {@code en}).
     */
    Path prompt(String name);

    /** Where to record the call, if either party or the domain records calls (spec E §10.1). */
    Optional<Path> recordingFile(
            long domainId, String callId, long callerSipNumberId, long calleeSipNumberId);

    /** The recording of a call is complete: store it and link it to the call's record. */
    void recordingFinished(long domainId, String callId, Path wav, Duration length);

    /** A DTMF digit a party pressed during the call, once per press, in order. */
    void dtmf(long domainId, String callId, boolean fromCaller, char digit, int durationMillis);
}
