package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import io.vpbx.media.api.Codec;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.SdpException;
import io.vpbx.model.calls.CallResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The B2BUA's fork towards the callee: one leg (our INVITE, with our own offer) to each device of
 * the callee or of the group's members, all at once, under the ring time. Provisional responses are
 * relayed to the caller (reliably when the caller requires 100rel, RFC 3262), with the device's
 * early media or our ringback; the first 200 wins, the caller is bridged to that device and the
 * other legs are cancelled; when every leg has refused or timed out the call fails. Everything here
 * runs under the call's monitor, except the ring timeout, which takes it.
 */
final class Forking {
    private static final Logger LOG = Logger.getLogger(Forking.class);

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final CallServlet.Local local;
    private final Signalling signalling;
    private final CallRegistry registry;
    private final CallFailures failures;
    private final Ringback ringback;
    private final CallRecorder recorder;
    private final ScheduledExecutorService timers;
    private final Clock clock;

    Forking(
            SipProvider provider,
            MessageFactory messages,
            HeaderFactory headers,
            AddressFactory addresses,
            CallServlet.Local local,
            Signalling signalling,
            CallRegistry registry,
            CallFailures failures,
            Ringback ringback,
            CallRecorder recorder,
            ScheduledExecutorService timers,
            Clock clock) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.local = local;
        this.signalling = signalling;
        this.registry = registry;
        this.failures = failures;
        this.ringback = ringback;
        this.recorder = recorder;
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * Invites every device (of the callee, or of the group's members), starts the ring timeout and
     * looks up the ringback melody.
     */
    void startRinging(Call call, List<CallRouting.Device> devices, int ringSeconds)
            throws Exception {
        call.ringingSince = clock.instant();
        for (CallRouting.Device device : devices) {
            try {
                ring(call, device, call.sipDomain);
            } catch (Exception e) {
                LOG.debugf(e, "Cannot ring %s", device.contactUri());
            }
        }
        if (call.legs.isEmpty()) {
            failures.fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.FAILED);
            return;
        }
        call.ringTimeout = timers.schedule(() -> ringTimeout(call), ringSeconds, TimeUnit.SECONDS);
        registry.linesChanged(call);
        // A group has no melody of its own yet (spec C BR-C8, «Мелодия гудка», comes with the
        // group's call settings): its caller hears the members' phones ring.
        if (call.callerOffered && !call.callerRequires100rel && call.callee != null) {
            ringback.load(call);
        }
    }

    /** Sends the INVITE of one leg to one device, from us, as the caller. */
    private void ring(Call call, CallRouting.Device device, String domain) throws Exception {
        if (!(addresses.createURI(device.contactUri()) instanceof SipURI requestUri)) {
            return;
        }
        CallIdHeader callId = provider.getNewCallId();
        String callerUser =
                call.caller.extension() != null ? call.caller.extension() : call.caller.login();
        Address fromAddress = addresses.createAddress(addresses.createSipURI(callerUser, domain));
        fromAddress.setDisplayName(call.caller.displayName());
        // A group's member is invited as themselves: their phone shows the call is for them.
        CallRouting.Party towards = device.member() != null ? device.member() : call.callee;
        Address toAddress =
                addresses.createAddress(addresses.createSipURI(towards.login(), domain));
        Request invite =
                messages.createRequest(
                        requestUri,
                        Request.INVITE,
                        callId,
                        headers.createCSeqHeader(1L, Request.INVITE),
                        headers.createFromHeader(fromAddress, signalling.tag()),
                        headers.createToHeader(toAddress, null),
                        List.of(
                                headers.createViaHeader(
                                        local.address(), local.port(), device.transport(), null)),
                        headers.createMaxForwardsHeader(70));
        invite.addHeader(signalling.ourContact());
        Endpoint endpoint = call.media.newEndpoint();
        invite.setContent(
                endpoint.localOffer(call.callerEndpoint.preferredCodec()), signalling.sdpType());
        boolean natted =
                !device.address().equals(requestUri.getHost())
                        || device.port()
                                != (requestUri.getPort() > 0 ? requestUri.getPort() : 5060);
        if (natted) {
            // The device is reached where its REGISTER came from (RFC 3581), not at its Contact.
            SipURI hop = addresses.createSipURI(null, device.address());
            hop.setPort(device.port());
            hop.setTransportParam(device.transport().toLowerCase(Locale.ROOT));
            hop.setLrParam();
            invite.addHeader(headers.createRouteHeader(addresses.createAddress(hop)));
        }
        ClientTransaction transaction = provider.getNewClientTransaction(invite);
        Dialog dialog = provider.getNewDialog(transaction);
        Call.Leg leg = new Call.Leg(transaction, dialog, callId.getCallId(), endpoint);
        leg.member = device.member();
        call.legs.add(leg);
        registry.put(leg.callId, call);
        transaction.sendRequest();
    }

    /** A device's response to the INVITE of its leg. */
    void legResponse(Call call, Call.Leg leg, Response response, Dialog dialog, long cseq)
            throws Exception {
        int status = response.getStatusCode();
        if (status < 200) {
            if (status > 100) {
                provisional(call, leg, response, dialog);
            }
        } else if (status < 300) {
            answered(call, leg, response, dialog, cseq);
        } else {
            leg.finalStatus = status;
            if (call.group != null && call.state == Call.State.RINGING) {
                call.group.refused(leg.member, call.legs);
            }
            if (call.state == Call.State.RINGING && call.allLegsFailed()) {
                failures.failAll(call);
            }
        }
    }

    /** The INVITE of a leg got no final response in time (RFC 3261 Timer B): as a 408. */
    void legTimedOut(Call call, Call.Leg leg) throws Exception {
        if (leg != null && leg.finalStatus == 0) {
            leg.finalStatus = Response.REQUEST_TIMEOUT;
            if (call.state == Call.State.RINGING && call.allLegsFailed()) {
                failures.failAll(call);
            }
        }
    }

    private void provisional(Call call, Call.Leg leg, Response response, Dialog dialog)
            throws Exception {
        leg.provisional = true;
        if (response.getHeader(RSeqHeader.NAME) != null && Call.requires(response, "100rel")) {
            // Sent reliably although we did not offer 100rel: acknowledge it all the same, or the
            // device retransmits it and gives up on the call.
            Dialog legDialog = dialog != null ? dialog : leg.dialog;
            legDialog.sendRequest(
                    provider.getNewClientTransaction(legDialog.createPrack(response)));
        }
        if (leg.cancelled) {
            signalling.cancel(leg);
            return;
        }
        if (call.state != Call.State.RINGING) {
            return;
        }
        calleeSdp(call, leg, response);
        if (leg.earlyMedia && call.ringbackPlaying) {
            // The device's own early media (an announcement, its ringback) replaces our melody.
            ringback.stop(call);
        } else if (!leg.earlyMedia) {
            call.ringingSeen = true;
            if (call.ringbackPlaying) {
                return;
            }
            if (call.ringback != null) {
                ringback.start(call);
                return;
            }
        }
        if (call.callerRequires100rel) {
            if (call.reliablePending) {
                call.heldProvisional = response;
            } else {
                sendReliably(call, response);
            }
            return;
        }
        Response relayed = messages.createResponse(response.getStatusCode(), call.invite);
        prepareForCaller(call, relayed, response);
        call.callerTransaction.sendResponse(relayed);
    }

    /**
     * Relays a provisional response to a caller that requires 100rel: the stack retransmits it
     * until the caller's PRACK ({@link #pracked}); only one is outstanding at a time (RFC 3262 §3).
     */
    private void sendReliably(Call call, Response fromCallee) throws Exception {
        Response relayed =
                call.callerDialog.createReliableProvisionalResponse(fromCallee.getStatusCode());
        prepareForCaller(call, relayed, fromCallee);
        call.reliablePending = true;
        call.callerDialog.sendReliableProvisionalResponse(relayed);
    }

    /**
     * The caller acknowledged our reliable provisional response: the one held meanwhile, if any,
     * goes next.
     */
    void pracked(Call call) throws Exception {
        call.reliablePending = false;
        Response held = call.heldProvisional;
        call.heldProvisional = null;
        if (held != null && call.state == Call.State.RINGING) {
            sendReliably(call, held);
        }
    }

    private void answered(Call call, Call.Leg leg, Response response, Dialog dialog, long cseq)
            throws Exception {
        Dialog legDialog = dialog != null ? dialog : leg.dialog;
        // We made the offer in our INVITE, so the 200 carries the answer and is acknowledged at
        // once (a retransmitted 200 means our ACK was lost: it is sent again).
        legDialog.sendAck(legDialog.createAck(cseq));
        if (leg == call.answered) {
            return;
        }
        if (call.state != Call.State.RINGING || leg.cancelled) {
            // Another device answered first, or the caller gave up: this one is hung up at once.
            leg.finalStatus = response.getStatusCode();
            signalling.bye(legDialog);
            return;
        }
        call.state = Call.State.ANSWERED;
        call.answered = leg;
        call.answeredAt = clock.instant();
        leg.finalStatus = response.getStatusCode();
        if (call.group != null) {
            // The member who answered takes the call: its callee, channel and record are theirs.
            call.group.answeredBy(leg.member);
            call.callee = leg.member;
            call.holdsCalleeChannel = true;
            LOG.debugf(
                    "Call %s to group %s answered by %s",
                    call.callId, call.group.group.groupId(), leg.member.sipNumberId());
        }
        if (call.ringTimeout != null) {
            call.ringTimeout.cancel(false);
        }
        signalling.cancelLegs(call, leg, true);
        calleeSdp(call, leg, response);
        ringback.stop(call);
        for (Call.Leg other : call.legs) {
            if (other != leg) {
                call.media.release(other.endpoint);
            }
        }
        call.media.bridge(call.callerEndpoint, leg.endpoint);
        call.media.superviseMedia();
        Response ok = messages.createResponse(Response.OK, call.invite);
        prepareForCaller(call, ok, response);
        if (!call.callerOffered) {
            // Late offer: ours goes in the 200, the caller's answer comes in its ACK (doAck).
            ok.setContent(
                    call.callerEndpoint.localOffer(leg.endpoint.codec()), signalling.sdpType());
            call.awaitingCallerAnswer = true;
        }
        call.callerTransaction.sendResponse(ok);
        registry.linesChanged(call);
        recorder.start(call);
    }

    /** No device answered within the ring time. Takes the call's monitor. */
    private void ringTimeout(Call call) {
        synchronized (call) {
            if (call.state != Call.State.RINGING) {
                return;
            }
            try {
                signalling.cancelLegs(call, null, false);
                failures.fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.NO_ANSWER);
            } catch (Exception e) {
                LOG.debugf(e, "Ring timeout of %s", call.callId);
            }
        }
    }

    /**
     * A device's answer to our offer (in a 18x or the 200): the leg's codec is settled, and the
     * caller hears this device (early media until it answers).
     */
    private void calleeSdp(Call call, Call.Leg leg, Response response) {
        byte[] sdp = response.getRawContent();
        if (sdp == null) {
            return;
        }
        try {
            leg.endpoint.remoteAnswer(new String(sdp, StandardCharsets.UTF_8));
            leg.earlyMedia = true;
            call.media.bridge(call.callerEndpoint, leg.endpoint);
        } catch (SdpException e) {
            LOG.debugf("Unusable answer on %s: %s", leg.callId, e.getMessage());
        }
    }

    /**
     * Our To tag and Contact on a response to the caller, and our SDP answer once a device has
     * answered ours (early media in a 18x, or the 200).
     */
    private void prepareForCaller(Call call, Response towardsCaller, Response fromCallee)
            throws Exception {
        ((ToHeader) towardsCaller.getHeader(ToHeader.NAME)).setTag(call.callerTag);
        towardsCaller.addHeader(signalling.ourContact());
        Call.Leg leg =
                call.leg(((CallIdHeader) fromCallee.getHeader(CallIdHeader.NAME)).getCallId());
        if (call.callerOffered && leg != null && leg.earlyMedia) {
            Codec settled = call.callerEndpoint.codec();
            towardsCaller.setContent(
                    call.callerEndpoint.localAnswer(
                            settled != null ? settled : leg.endpoint.codec()),
                    signalling.sdpType());
        }
    }
}
