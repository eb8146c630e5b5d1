package io.vpbx.sip.call;

import io.vpbx.media.api.Audio;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.media.api.SdpException;
import io.vpbx.sip.container.SipServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * A re-INVITE or UPDATE inside the answered call (hold, resume, a new address or codec) is answered
 * here: the media is ours, so the other phone need not know. Holding starts music on hold for the
 * other party (spec F §13.3); resuming brings back the two-way path. Without SDP (late offer) our
 * offer goes in the 200 and the answer comes in the ACK. Everything here runs under the call's
 * monitor, except the music's loading, which runs on a worker and then takes it.
 */
final class Renegotiation {
    private static final Logger LOG = Logger.getLogger(Renegotiation.class);

    private final Signalling signalling;
    private final MediaEngine media;
    private final CallMediaHooks hooks;
    private final Executor workers;

    Renegotiation(
            Signalling signalling, MediaEngine media, CallMediaHooks hooks, Executor workers) {
        this.signalling = signalling;
        this.media = media;
        this.hooks = hooks;
        this.workers = workers;
    }

    /** Answers the re-INVITE or UPDATE of one side of the call. */
    void renegotiate(Call call, SipServletRequest request) throws Exception {
        if (Signalling.otherSideOrRefuse(call, request) == null) {
            return;
        }
        boolean fromCaller = request.dialog() == call.callerDialog;
        Endpoint side = fromCaller ? call.callerEndpoint : call.answered.endpoint;
        Endpoint other = fromCaller ? call.answered.endpoint : call.callerEndpoint;
        Request incoming = request.message();
        Response ok = request.createResponse(Response.OK);
        ok.addHeader(signalling.ourContact());
        byte[] offer = incoming.getRawContent();
        if (offer == null) {
            if (Request.INVITE.equals(incoming.getMethod())) {
                ok.setContent(side.localOffer(side.codec()), signalling.sdpType());
                if (fromCaller) {
                    call.awaitingCallerAnswer = true;
                } else {
                    call.awaitingCalleeAnswer = true;
                }
            }
            request.send(ok);
            return;
        }
        boolean wasHolding = side.holding();
        try {
            side.remoteOffer(new String(offer, StandardCharsets.UTF_8));
        } catch (SdpException e) {
            // RFC 3261 §14.2: a refused re-offer leaves the session as it was.
            request.send(request.createResponse(Response.NOT_ACCEPTABLE_HERE));
            return;
        }
        ok.setContent(side.localAnswer(side.codec()), signalling.sdpType());
        request.send(ok);
        if (side.holding() != wasHolding) {
            holdChanged(call, side, other, fromCaller);
        }
    }

    /** The other party hears music while {@code holder} holds, and the call again on resume. */
    private void holdChanged(Call call, Endpoint holder, Endpoint held, boolean callerHolds) {
        int generation = ++call.holdGeneration;
        if (!holder.holding()) {
            call.media.stopPlaying(held);
            return;
        }
        Long holderUser = callerHolds ? call.caller.userId() : call.callee.userId();
        workers.execute(
                () -> {
                    try {
                        Audio music = media.load(hooks.musicOnHold(call.domainId, holderUser));
                        synchronized (call) {
                            if (call.holdGeneration == generation
                                    && call.state == Call.State.ANSWERED) {
                                call.media.play(held, music, true);
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.warnf("No music on hold for %s: %s", call.callId, e.toString());
                    }
                });
    }

    /**
     * The ACK to our 200. After a late offer (our offer in the 200 of the first INVITE or of a
     * re-INVITE without SDP) it carries the phone's answer.
     */
    void acknowledged(Call call, SipServletRequest request) {
        byte[] answer = request.message().getRawContent();
        boolean fromCaller = request.dialog() == call.callerDialog;
        boolean awaited = fromCaller ? call.awaitingCallerAnswer : call.awaitingCalleeAnswer;
        if (!awaited || answer == null || call.state != Call.State.ANSWERED) {
            return;
        }
        if (fromCaller) {
            call.awaitingCallerAnswer = false;
        } else {
            call.awaitingCalleeAnswer = false;
        }
        Endpoint side = fromCaller ? call.callerEndpoint : call.answered.endpoint;
        try {
            side.remoteAnswer(new String(answer, StandardCharsets.UTF_8));
        } catch (SdpException e) {
            LOG.debugf("Unusable answer in the ACK of %s: %s", call.callId, e.getMessage());
        }
    }
}
