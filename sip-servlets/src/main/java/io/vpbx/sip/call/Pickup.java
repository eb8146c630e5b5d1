package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import io.vpbx.media.api.Codec;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.SdpException;
import io.vpbx.sip.container.SipServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Call pickup (spec B BR-27): a caller who dialled the domain's pickup code answers a call ringing
 * for a colleague. The core chooses which of the calls ringing on this node to answer; the picker's
 * INVITE then answers it through our anchor, and the picker becomes the call's callee. Ringing
 * calls are this node's, in memory: on several nodes a call ringing on another node cannot be
 * picked up (ADR 0005's cluster-wide state would carry them).
 */
final class Pickup {
    private static final Logger LOG = Logger.getLogger(Pickup.class);

    private final CallRouting routing;
    private final CallRegistry registry;
    private final Signalling signalling;
    private final Ringback ringback;
    private final CallRecorder recorder;
    private final SipProvider provider;
    private final Clock clock;

    Pickup(
            CallRouting routing,
            CallRegistry registry,
            Signalling signalling,
            Ringback ringback,
            CallRecorder recorder,
            SipProvider provider,
            Clock clock) {
        this.routing = routing;
        this.registry = registry;
        this.signalling = signalling;
        this.ringback = ringback;
        this.recorder = recorder;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * Offers the calls ringing in the picker's domain to the core, which chooses the one to answer
     * (another member of the caller's pickup group, ringing longest), and answers it with the
     * picker's INVITE.
     *
     * <p>A call's callee may answer at the same moment: both take the call's monitor and check that
     * it still rings, so exactly one wins; a picker who loses tries the next call, if any.
     *
     * @return false when there is nothing to pick up (the caller holds the channel it took)
     */
    boolean pickUp(SipServletRequest request, long domainId, CallRouting.Party picker)
            throws Exception {
        Set<String> tried = new HashSet<>();
        while (true) {
            List<CallRouting.Ringing> ringing = new ArrayList<>();
            Set<Call> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Call candidate : registry.entries()) {
                if (candidate.domainId != domainId
                        || tried.contains(candidate.callId)
                        || !seen.add(candidate)) {
                    continue;
                }
                synchronized (candidate) {
                    if (!candidate.ringingForPickup()) {
                        continue;
                    }
                    if (candidate.group == null) {
                        ringing.add(
                                new CallRouting.Ringing(
                                        candidate.callId,
                                        candidate.callee.sipNumberId(),
                                        candidate.ringingSince));
                    } else {
                        // A group call rings on each of its members: it can be picked up in the
                        // pickup group of any of them whose phones still ring.
                        for (CallRouting.Party member :
                                candidate.group.stillRinging(candidate.legs)) {
                            ringing.add(
                                    new CallRouting.Ringing(
                                            candidate.callId,
                                            member.sipNumberId(),
                                            candidate.ringingSince));
                        }
                    }
                }
            }
            Optional<String> chosen = routing.pickup(domainId, picker.sipNumberId(), ringing);
            if (chosen.isEmpty()) {
                return false;
            }
            tried.add(chosen.get());
            Call call = registry.get(chosen.get());
            if (call == null || call.domainId != domainId) {
                continue;
            }
            synchronized (call) {
                if (call.ringingForPickup()) {
                    answer(call, request, picker);
                    return true;
                }
            }
        }
    }

    /**
     * The picker's INVITE answers the ringing call (under its monitor): the caller is bridged to
     * the picker through our anchor, every device that rang is cancelled as answered elsewhere, and
     * from now on the picker is the call's callee (its record shows the picker as the one who
     * answered, the dialled number as dialled, and the picker's Call-ID as the answering leg).
     */
    private void answer(Call call, SipServletRequest request, CallRouting.Party picker)
            throws Exception {
        Request invite = request.message();
        ServerTransaction transaction = request.transaction();
        Channels channels = registry.channels();
        Endpoint endpoint;
        try {
            endpoint = call.media.newEndpoint();
        } catch (IOException e) {
            LOG.warnf("No RTP port to pick up %s: %s", call.callId, e.getMessage());
            channels.release(picker);
            request.send(request.createResponse(Response.SERVICE_UNAVAILABLE));
            return;
        }
        byte[] offer = invite.getRawContent();
        if (offer != null) {
            try {
                endpoint.remoteOffer(new String(offer, StandardCharsets.UTF_8));
            } catch (SdpException e) {
                call.media.release(endpoint);
                channels.release(picker);
                request.send(request.createResponse(Response.NOT_ACCEPTABLE_HERE));
                return;
            }
        }
        Dialog pickerDialog = provider.getNewDialog(transaction);
        Call.Leg leg = new Call.Leg(null, pickerDialog, request.callId(), endpoint);
        leg.finalStatus = Response.OK;
        CallRouting.Party rang = call.callee;
        List<Long> rangLines =
                call.group == null
                        ? List.of(rang.sipNumberId())
                        : call.group.rung().stream().map(CallRouting.Party::sipNumberId).toList();

        call.state = Call.State.ANSWERED;
        call.answered = leg;
        call.answeredAt = clock.instant();
        call.pickedUp = true;
        if (call.ringTimeout != null) {
            call.ringTimeout.cancel(false);
        }
        signalling.cancelLegs(call, null, true);
        ringback.stop(call);
        for (Call.Leg other : call.legs) {
            call.media.release(other.endpoint);
        }
        if (call.holdsCalleeChannel) {
            channels.release(rang);
        }
        if (call.group != null) {
            call.group.releaseAll();
        }
        call.callee = picker;
        call.holdsCalleeChannel = true; // the channel the picker's INVITE took
        registry.put(leg.callId, call);
        call.media.bridge(call.callerEndpoint, endpoint);
        call.media.superviseMedia();

        Codec callerCodec =
                call.callerEndpoint.codec() != null
                        ? call.callerEndpoint.codec()
                        : call.callerEndpoint.preferredCodec();
        Response toPicker = request.createResponse(Response.OK);
        ((ToHeader) toPicker.getHeader(ToHeader.NAME)).setTag(signalling.tag());
        toPicker.addHeader(signalling.ourContact());
        if (offer != null) {
            toPicker.setContent(endpoint.localAnswer(callerCodec), signalling.sdpType());
        } else {
            // Late offer: ours goes in the 200, the picker's answer comes in its ACK (doAck).
            toPicker.setContent(endpoint.localOffer(callerCodec), signalling.sdpType());
            call.awaitingCalleeAnswer = true;
        }
        transaction.sendResponse(toPicker);

        Response ok = signalling.toCaller(call, Response.OK);
        ok.addHeader(signalling.ourContact());
        Codec settled = call.callerEndpoint.codec();
        if (call.callerOffered) {
            ok.setContent(
                    call.callerEndpoint.localAnswer(
                            settled != null ? settled : endpoint.preferredCodec()),
                    signalling.sdpType());
        } else {
            ok.setContent(
                    call.callerEndpoint.localOffer(endpoint.preferredCodec()),
                    signalling.sdpType());
            call.awaitingCallerAnswer = true;
        }
        call.callerTransaction.sendResponse(ok);
        LOG.debugf("Call %s to %s picked up by %s", call.callId, rangLines, picker.sipNumberId());
        registry.linesChanged(rangLines);
        registry.linesChanged(call);
        recorder.start(call);
    }
}
