package io.vpbx.sip.call;

import io.vpbx.media.api.Audio;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.model.calls.CallResult;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * How a call that was never answered ends: the final status for the caller, and before it, where
 * the caller's offer lets us, an announcement of why («абонент занят», «абонент недоступен», or the
 * prompt the call chose) played as early media. The prompt's end, or a backstop timer if it never
 * comes, sends the final status. Methods run under the call's monitor unless they say otherwise.
 */
final class CallFailures {
    private static final Logger LOG = Logger.getLogger(CallFailures.class);

    private final Signalling signalling;
    private final CallRegistry registry;
    private final MediaEngine media;
    private final CallMediaHooks hooks;
    private final ScheduledExecutorService timers;

    CallFailures(
            Signalling signalling,
            CallRegistry registry,
            MediaEngine media,
            CallMediaHooks hooks,
            ScheduledExecutorService timers) {
        this.signalling = signalling;
        this.registry = registry;
        this.media = media;
        this.hooks = hooks;
        this.timers = timers;
    }

    /**
     * Every device refused or never answered: busy if any was busy, no answer if all timed out,
     * otherwise unavailable.
     */
    void failAll(Call call) throws Exception {
        boolean busy =
                call.legs.stream()
                        .anyMatch(
                                l ->
                                        l.finalStatus == Response.BUSY_HERE
                                                || l.finalStatus == Response.BUSY_EVERYWHERE);
        boolean silent =
                call.legs.stream().allMatch(l -> l.finalStatus == Response.REQUEST_TIMEOUT);
        if (busy) {
            fail(call, Response.BUSY_HERE, CallResult.BUSY);
        } else if (silent) {
            fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.NO_ANSWER);
        } else {
            fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.FAILED);
        }
    }

    /**
     * Ends a call that was never answered. A caller whose offer we hold first hears why, as early
     * media (183 with our SDP): «абонент занят» for busy, «абонент недоступен» otherwise; the final
     * status follows when the announcement ends.
     */
    void fail(Call call, int status, CallResult result) throws Exception {
        if (call.announcing) {
            return; // the announcement of an earlier failure is playing; its end finishes the call
        }
        if (!call.callerOffered || call.callerRequires100rel || call.media == null) {
            finish(call, status, result);
            return;
        }
        call.announcing = true;
        call.greeting = false;
        call.announcedStatus = status;
        call.announcedResult = result;
        for (Call.Leg leg : call.legs) {
            call.media.release(leg.endpoint);
        }
        if (call.ringTimeout != null) {
            call.ringTimeout.cancel(false);
        }
        call.ringbackPlaying = false;
        signalling.sendEarlyMedia(call);
        String prompt =
                call.failurePrompt != null
                        ? call.failurePrompt
                        : result == CallResult.BUSY ? "busy" : "not-available";
        timers.execute(
                () -> {
                    long limitMillis = 1_000;
                    try {
                        Audio audio = media.load(hooks.prompt(prompt));
                        limitMillis += audio.durationMillis();
                        synchronized (call) {
                            if (call.announcing) {
                                call.media.play(call.callerEndpoint, audio, false);
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.warnf("No announcement for %s: %s", call.callId, e.toString());
                        limitMillis = 0;
                    }
                    // The prompt's end finishes the call; this is the backstop if it never comes.
                    timers.schedule(() -> announced(call), limitMillis, TimeUnit.MILLISECONDS);
                });
    }

    /** The announcement has been played: the caller gets the final status. Takes the monitor. */
    void announced(Call call) {
        synchronized (call) {
            if (!call.announcing || call.state != Call.State.RINGING) {
                return;
            }
            try {
                finish(call, call.announcedStatus, call.announcedResult);
            } catch (Exception e) {
                LOG.debugf(e, "Final answer after the announcement of %s", call.callId);
            }
        }
    }

    /** Answers the caller with the final {@code status} and ends the call. */
    void finish(Call call, int status, CallResult result) throws Exception {
        call.announcing = false;
        call.callerTransaction.sendResponse(signalling.toCaller(call, status));
        registry.end(call, result, status);
    }
}
