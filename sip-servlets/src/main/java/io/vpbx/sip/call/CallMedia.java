package io.vpbx.sip.call;

import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.media.api.MediaListener;
import io.vpbx.media.api.MediaSession;
import io.vpbx.media.api.SdpException;
import io.vpbx.model.calls.CallEndReason;
import io.vpbx.model.calls.CallResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * A call's anchored media session and what the media engine reports about it. The session opens
 * with the caller's offer; the engine's events arrive on media threads and are handed off at once:
 * a prompt's end moves the greeting or the failure announcement on, a digit goes to the core (in
 * order, on the call's {@link SerialExecutor}), and silence on both sides for the media timeout
 * hangs the call up.
 */
final class CallMedia {
    private static final Logger LOG = Logger.getLogger(CallMedia.class);

    private final MediaEngine media;
    private final CallMediaHooks hooks;
    private final Signalling signalling;
    private final CallRegistry registry;
    private final Greeting greeting;
    private final CallFailures failures;
    private final CallRecorder recorder;
    private final Executor workers;

    CallMedia(
            MediaEngine media,
            CallMediaHooks hooks,
            Signalling signalling,
            CallRegistry registry,
            Greeting greeting,
            CallFailures failures,
            CallRecorder recorder,
            Executor workers) {
        this.media = media;
        this.hooks = hooks;
        this.signalling = signalling;
        this.registry = registry;
        this.greeting = greeting;
        this.failures = failures;
        this.recorder = recorder;
        this.workers = workers;
    }

    /**
     * Opens the call's media and takes the caller's offer.
     *
     * @return 0, or the status that refuses the call: 488 for an offer without a codec we carry,
     *     503 when no RTP port is free
     */
    int open(Call call) {
        MediaSession session = media.openSession(call.callId, new Events(call));
        call.media = session;
        try {
            call.callerEndpoint = session.newEndpoint();
            byte[] offer = call.invite.getRawContent();
            if (offer != null) {
                call.callerEndpoint.remoteOffer(new String(offer, StandardCharsets.UTF_8));
                call.callerOffered = true;
            }
            return 0;
        } catch (SdpException e) {
            LOG.debugf("Refused the offer of %s: %s", call.callId, e.getMessage());
            session.close();
            return Response.NOT_ACCEPTABLE_HERE;
        } catch (IOException e) {
            LOG.warnf("No RTP port for %s: %s", call.callId, e.getMessage());
            session.close();
            return Response.SERVICE_UNAVAILABLE;
        }
    }

    /** What the media engine reports about one call; it runs on a media thread, so hands off. */
    private final class Events implements MediaListener {
        private final Call call;

        Events(Call call) {
            this.call = call;
        }

        @Override
        public void dtmf(Endpoint from, char digit, int durationMillis) {
            boolean fromCaller = from == call.callerEndpoint;
            call.events.execute(
                    () ->
                            hooks.dtmf(
                                    call.domainId, call.callId, fromCaller, digit, durationMillis));
        }

        @Override
        public void playFinished(Endpoint to) {
            workers.execute(
                    () -> {
                        synchronized (call) {
                            if (call.greeting) {
                                greeting.greeted(call);
                                return;
                            }
                        }
                        failures.announced(call);
                    });
        }

        @Override
        public void mediaTimeout() {
            workers.execute(() -> mediaTimedOut(call));
        }

        @Override
        public void recordingFinished(Path wav, Duration length) {
            recorder.finished(call, wav, length);
        }
    }

    /** Neither phone sent audio for the media timeout: both are hung up, and the record says so. */
    private void mediaTimedOut(Call call) {
        synchronized (call) {
            if (call.state != Call.State.ANSWERED) {
                return;
            }
            LOG.infof("Call %s ended: no media for the timeout", call.callId);
            try {
                signalling.bye(call.callerDialog);
                signalling.bye(call.answered.dialog);
            } catch (Exception e) {
                LOG.debugf(e, "BYE after the media timeout of %s", call.callId);
            }
            call.endReason = CallEndReason.MEDIA_TIMEOUT;
            registry.end(call, CallResult.ANSWERED, Response.OK);
        }
    }
}
