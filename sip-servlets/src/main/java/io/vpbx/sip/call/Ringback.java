package io.vpbx.sip.call;

import io.vpbx.media.api.Audio;
import io.vpbx.media.api.MediaEngine;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * What the caller hears while the callee's phones ring, when it is ours to play rather than their
 * phone's own ringback: the callee's melody («Мелодия гудка»), or after a greeting our ringback
 * tone until the melody is loaded. It plays as early media and stops when a device answers, sends
 * early media of its own, or the call fails. Methods run under the call's monitor unless they say
 * otherwise.
 */
final class Ringback {
    private static final Logger LOG = Logger.getLogger(Ringback.class);

    /**
     * The ringback tone we play after a greeting when the callee has no melody: 425 Hz, 0.8 s on
     * and 3.2 s off (ITU-T E.180 for Russia), looped.
     */
    static final Audio TONE = tone();

    private static Audio tone() {
        short[] samples = new short[8000 * 4];
        for (int i = 0; i < 6400; i++) {
            samples[i] = (short) Math.round(6000 * Math.sin(2 * Math.PI * 425 * i / 8000.0));
        }
        return new Audio("ringback-425", samples);
    }

    private final Signalling signalling;
    private final MediaEngine media;
    private final CallMediaHooks hooks;
    private final Executor workers;

    Ringback(Signalling signalling, MediaEngine media, CallMediaHooks hooks, Executor workers) {
        this.signalling = signalling;
        this.media = media;
        this.hooks = hooks;
        this.workers = workers;
    }

    /**
     * Looks up the callee's ringback melody on a worker; it starts when a device rings. After a
     * greeting the caller hears early media from us, so the ringback tone is ours until then (a
     * phone that has early media does not ring locally, RFC 3960), and the melody replaces it.
     */
    void load(Call call) {
        Long calleeUser = call.callee.userId();
        workers.execute(
                () -> {
                    try {
                        Optional<Path> file = hooks.ringback(call.domainId, calleeUser);
                        if (file.isEmpty()) {
                            return;
                        }
                        Audio melody = media.load(file.get());
                        synchronized (call) {
                            call.ringback = melody;
                            if (call.ringbackPlaying) {
                                // The tone after a greeting gives way to the callee's melody.
                                call.media.play(call.callerEndpoint, melody, true);
                            } else if (call.ringingSeen) {
                                start(call);
                            }
                        }
                    } catch (Exception e) {
                        LOG.warnf("No ringback melody for %s: %s", call.callId, e.toString());
                    }
                });
    }

    /**
     * The caller hears the melody instead of ringback (as early media), until a device answers,
     * sends early media of its own, or the call fails.
     */
    void start(Call call) throws Exception {
        if (call.state != Call.State.RINGING
                || call.announcing
                || call.ringbackPlaying
                || call.legs.stream().anyMatch(l -> l.earlyMedia)) {
            return;
        }
        signalling.sendEarlyMedia(call);
        call.media.play(call.callerEndpoint, call.ringback, true);
        call.ringbackPlaying = true;
    }

    /** The caller stops hearing ours, if they did. */
    void stop(Call call) {
        if (call.ringbackPlaying) {
            call.media.stopPlaying(call.callerEndpoint);
            call.ringbackPlaying = false;
        }
    }
}
