package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import io.vpbx.media.api.Audio;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.model.calls.CallResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The callee's pre-call greeting (spec B BR-46/BR-58), played to the caller before any phone rings.
 * Like Asterisk's {@code Playback(...,noanswer)} before {@code Dial}, it goes as early media (183
 * with our SDP): the call is not answered, so the caller is not billed for the greeting. When it
 * ends (or a backstop timer fires) the core is asked for the callee's devices again, since one may
 * have registered meanwhile, and the fork starts with our ringback tone.
 */
final class Greeting {
    private static final Logger LOG = Logger.getLogger(Greeting.class);

    private final CallRouting routing;
    private final Signalling signalling;
    private final Forking forking;
    private final CallFailures failures;
    private final MediaEngine media;
    private final CallMediaHooks hooks;
    private final ScheduledExecutorService timers;

    Greeting(
            CallRouting routing,
            Signalling signalling,
            Forking forking,
            CallFailures failures,
            MediaEngine media,
            CallMediaHooks hooks,
            ScheduledExecutorService timers) {
        this.routing = routing;
        this.signalling = signalling;
        this.forking = forking;
        this.failures = failures;
        this.media = media;
        this.hooks = hooks;
        this.timers = timers;
    }

    /** Plays the greeting, loaded on a worker; the phones ring when it ends. Under the monitor. */
    void greet(Call call, long greetingId) throws Exception {
        call.greeting = true;
        signalling.sendEarlyMedia(call);
        timers.execute(
                () -> {
                    Audio greeting = load(call, greetingId);
                    synchronized (call) {
                        if (!call.greeting || call.state != Call.State.RINGING) {
                            return;
                        }
                        if (greeting == null) {
                            greeted(call);
                            return;
                        }
                        call.media.play(call.callerEndpoint, greeting, false);
                    }
                    // The greeting's end rings the phones; this is the backstop if it never comes.
                    timers.schedule(
                            () -> {
                                synchronized (call) {
                                    greeted(call);
                                }
                            },
                            greeting.durationMillis() + 1_000,
                            TimeUnit.MILLISECONDS);
                });
    }

    /** The greeting's sound, or null if it cannot be played (the call goes on without it). */
    private Audio load(Call call, long greetingId) {
        try {
            Optional<Path> file = hooks.greeting(call.domainId, greetingId);
            if (file.isPresent()) {
                return media.load(file.get());
            }
            LOG.warnf("The greeting of %s is missing; the phones ring at once", call.callId);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("No greeting for %s: %s", call.callId, e.toString());
        }
        return null;
    }

    /** The greeting has been played: the callee's phones ring now. Under the call's monitor. */
    void greeted(Call call) {
        if (!call.greeting || call.state != Call.State.RINGING) {
            return;
        }
        call.greeting = false;
        try {
            CallRouting.Route route = routing.route(call.domainId, call.dialled);
            if (route.outcome() != CallRouting.Outcome.DEVICES || route.devices().isEmpty()) {
                failures.fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.FAILED);
                return;
            }
            // The caller's media is ours since the greeting: we ring, not their phone. The
            // callee's melody, if any, replaces the tone once loaded.
            call.ringback = Ringback.TONE;
            forking.startRinging(call, route.devices(), route.ringSeconds());
        } catch (Exception e) {
            LOG.warnf(e, "Cannot ring after the greeting of %s", call.callId);
        }
    }
}
