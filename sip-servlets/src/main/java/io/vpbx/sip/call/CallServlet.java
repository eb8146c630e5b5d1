package io.vpbx.sip.call;

import io.vpbx.application.sip.CallJournal;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.model.calls.CallEndReason;
import io.vpbx.model.calls.CallResult;
import io.vpbx.sip.container.SipContainer;
import io.vpbx.sip.container.SipServlet;
import io.vpbx.sip.container.SipServletRequest;
import io.vpbx.sip.registrar.DigestGate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Calls between extensions of one domain (B2BUA). The caller authenticates with digest (407); the
 * dialled extension or SIP login is looked up in the caller's own domain only; every registered
 * device of the callee rings in parallel on its own leg; the first 200 wins and the other legs are
 * cancelled. Outcomes: 404 unknown number, 480 not registered or no answer within the callee's ring
 * time (30 s unless set otherwise on their SIP number), 486 busy (every device busy, or a channel
 * limit reached), 487 when the caller cancels.
 *
 * <p>A call group's extension (spec C BR-C2) rings every device of the members the core chose, at
 * once; {@link GroupCall} holds the members' channels, and the member who answers becomes the
 * call's callee.
 *
 * <p>Media is anchored: each leg gets its own endpoint of the media engine, our SDP goes to both
 * sides, and re-INVITEs and UPDATEs (hold, resume, a new address) are answered here, the held party
 * hearing music on hold. A caller with no codec we carry gets 488.
 *
 * <p>This class is the SIP entry point: it authenticates the caller, asks the core for the route,
 * finds the call an event belongs to and takes the call's monitor, then hands the event to the
 * collaborator that executes it: {@link Forking} (the legs towards the callee), {@link Greeting},
 * {@link Pickup}, {@link CallFailures} (final statuses and their announcements), {@link Ringback},
 * {@link CallMedia} (the media session and its events), {@link Renegotiation} (re-INVITE, UPDATE,
 * hold), {@link InfoRelay}, {@link CallRecorder}, and {@link CallRegistry} with {@link CallRecords}
 * (the calls in progress, their end and their records).
 */
public final class CallServlet extends SipServlet implements SipContainer.ClientEvents {
    /** Our side of the wire, for Via and Contact headers. */
    public record Local(String address, int port) {}

    /** Told when a SIP number's line may have changed state (for BLF). */
    public interface LineWatcher {
        void lineChanged(long sipNumberId);
    }

    /** The state of a line as BLF shows it (spec F BLF-5). */
    public enum LineState {
        FREE,
        /** An incoming call rings on it. */
        RINGING,
        /** Talking, or calling someone (an outgoing call shows in use, never ringing). */
        IN_USE
    }

    private final CallRouting routing;
    private final DigestGate gate;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final ScheduledExecutorService timers;
    private final Clock clock;

    private final CallRecords records;
    private final CallRegistry registry;
    private final Channels channels;
    private final Signalling signalling;
    private final CallFailures failures;
    private final Forking forking;
    private final Greeting greeting;
    private final CallMedia callMedia;
    private final Pickup pickup;
    private final Renegotiation renegotiation;
    private final InfoRelay infoRelay;

    public CallServlet(
            CallRouting routing,
            CallJournal journal,
            DigestGate gate,
            SipProvider provider,
            MessageFactory messages,
            HeaderFactory headers,
            AddressFactory addresses,
            Local local,
            ScheduledExecutorService timers,
            Clock clock,
            MediaEngine media,
            CallMediaHooks hooks) {
        this.routing = routing;
        this.gate = gate;
        this.provider = provider;
        this.headers = headers;
        this.timers = timers;
        this.clock = clock;
        this.records = new CallRecords(journal, timers, clock);
        this.registry = new CallRegistry(timers, records);
        this.channels = registry.channels();
        this.signalling = new Signalling(provider, messages, headers, addresses, local);
        this.failures = new CallFailures(signalling, registry, media, hooks, timers);
        Ringback ringback = new Ringback(signalling, media, hooks, timers);
        CallRecorder recorder = new CallRecorder(hooks, timers);
        this.forking =
                new Forking(
                        provider,
                        messages,
                        headers,
                        addresses,
                        local,
                        signalling,
                        registry,
                        failures,
                        ringback,
                        recorder,
                        timers,
                        clock);
        this.greeting = new Greeting(routing, signalling, forking, failures, media, hooks, timers);
        this.callMedia =
                new CallMedia(
                        media, hooks, signalling, registry, greeting, failures, recorder, timers);
        this.pickup =
                new Pickup(routing, registry, signalling, ringback, recorder, provider, clock);
        this.renegotiation = new Renegotiation(signalling, media, hooks, timers);
        this.infoRelay = new InfoRelay(provider, messages);
    }

    public void watchLines(LineWatcher lineWatcher) {
        registry.watchLines(lineWatcher);
    }

    /** The line state of a SIP number, from the calls in progress on this node. */
    public LineState lineState(long sipNumberId) {
        return registry.lineState(sipNumberId);
    }

    /** Calls in progress on this node, for tests and statistics. */
    public int activeCalls() {
        return registry.activeCalls();
    }

    @Override
    protected void doInvite(SipServletRequest request) throws Exception {
        Request invite = request.message();
        ToHeader to = (ToHeader) invite.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() != null) {
            renegotiate(request);
            return;
        }
        List<String> unsupported = unsupportedExtensions(invite);
        if (!unsupported.isEmpty()) {
            // RFC 3261 §8.2.2.3: an extension the caller requires and we do not know.
            Response badExtension = request.createResponse(Response.BAD_EXTENSION);
            for (String tag : unsupported) {
                badExtension.addHeader(headers.createUnsupportedHeader(tag));
            }
            request.send(badExtension);
            return;
        }
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        if (!(from.getAddress().getURI() instanceof SipURI fromUri)
                || !(invite.getRequestURI() instanceof SipURI target)) {
            request.send(request.createResponse(Response.BAD_REQUEST, "SIP URIs only"));
            return;
        }
        String domain = fromUri.getHost().toLowerCase(Locale.ROOT);
        Optional<SipAccount> account =
                gate.authenticate(request, domain, fromUri.getUser(), DigestGate.Kind.PROXY);
        if (account.isEmpty()) {
            return;
        }
        SipAccount caller = account.get();
        if (!caller.login().equals(fromUri.getUser())) {
            request.send(
                    request.createResponse(
                            Response.FORBIDDEN, "From is not the authenticated user"));
            return;
        }
        CallRouting.Party callerParty = routing.caller(caller.domainId(), caller.sipNumberId());
        String dialled = target.getUser() == null ? "" : target.getUser();
        Instant started = clock.instant();
        long domainId = caller.domainId();
        Attempt attempt = new Attempt(request, domainId, callerParty, dialled, started);
        if (!sameDomain(target.getHost(), domain)) {
            // Calls to other domains (inter-tenant, by routing number) come with their own issue.
            request.send(
                    request.createResponse(
                            Response.FORBIDDEN, "Calls to other domains not allowed"));
            return;
        }
        CallRouting.Route route = routing.route(domainId, dialled, callerParty);
        if (route.outcome() == CallRouting.Outcome.NOT_FOUND) {
            refuse(attempt, null, Response.NOT_FOUND, "No such number", CallResult.FAILED);
            return;
        }
        if (route.outcome() == CallRouting.Outcome.UNAVAILABLE
                || (route.outcome() == CallRouting.Outcome.DEVICES && route.devices().isEmpty())) {
            refuse(
                    attempt,
                    route.callee(),
                    Response.TEMPORARILY_UNAVAILABLE,
                    route.outcome() == CallRouting.Outcome.UNAVAILABLE
                            ? "Unavailable"
                            : "Not registered",
                    CallResult.FAILED);
            return;
        }
        if (!channels.acquire(callerParty)) {
            refuse(attempt, null, Response.BUSY_HERE, "Channel limit reached", CallResult.FAILED);
            return;
        }
        if (route.outcome() == CallRouting.Outcome.PICKUP
                && pickup.pickUp(request, domainId, callerParty)) {
            return;
        }
        boolean rings = route.outcome() == CallRouting.Outcome.DEVICES;
        // A group's members' channels are taken as their phones are rung (GroupCall).
        GroupCall group =
                route.outcome() == CallRouting.Outcome.GROUP
                        ? GroupCall.start(route, channels)
                        : null;
        if (rings && !channels.acquire(route.callee())) {
            channels.release(callerParty);
            refuse(attempt, route.callee(), Response.BUSY_HERE, "Busy Here", CallResult.BUSY);
            return;
        }

        ServerTransaction transaction = request.transaction();
        transaction.sendResponse(request.createResponse(Response.TRYING));
        Dialog callerDialog = provider.getNewDialog(transaction);
        Call call =
                new Call(
                        caller.domainId(),
                        invite,
                        transaction,
                        callerDialog,
                        signalling.tag(),
                        callerParty,
                        route.callee(),
                        dialled,
                        started);
        call.holdsCalleeChannel = rings;
        call.group = group;
        call.sipDomain = domain;
        call.events = new SerialExecutor(timers);
        int refusal = callMedia.open(call);
        if (refusal != 0) {
            channels.release(callerParty);
            if (rings) {
                channels.release(route.callee());
            }
            if (group != null) {
                group.releaseAll();
            }
            transaction.sendResponse(signalling.toCaller(call, refusal));
            records.refused(
                    domainId,
                    call.callId,
                    callerParty,
                    route.callee(),
                    dialled,
                    started,
                    CallResult.FAILED,
                    refusal);
            return;
        }
        synchronized (call) {
            registry.put(call.callId, call);
            if (group != null) {
                if (group.devices().isEmpty()) {
                    // Every member the core chose has all their channels in use.
                    failures.fail(call, Response.BUSY_HERE, CallResult.BUSY);
                    return;
                }
                forking.startRinging(call, group.devices(), route.ringSeconds());
                return;
            }
            if (!rings) {
                // Absent today, nothing to pick up, or a group that takes no call now (spec C
                // BR-C1, BR-F1): the caller hears why, and no phone rings.
                if (route.outcome() == CallRouting.Outcome.PICKUP) {
                    call.failurePrompt = "call-cannot-be-completed";
                }
                failures.fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.FAILED);
                return;
            }
            if (route.greetingId() != null && call.callerOffered && !call.callerRequires100rel) {
                greeting.greet(call, route.greetingId());
                return;
            }
            forking.startRinging(call, route.devices(), route.ringSeconds());
        }
    }

    /** The option tags of the request's Require headers that we do not support (all but 100rel). */
    private static List<String> unsupportedExtensions(Request request) {
        List<String> unsupported = new ArrayList<>();
        ListIterator<?> required = request.getHeaders(RequireHeader.NAME);
        while (required.hasNext()) {
            String tag = ((RequireHeader) required.next()).getOptionTag();
            if (!"100rel".equalsIgnoreCase(tag)) {
                unsupported.add(tag);
            }
        }
        return unsupported;
    }

    /**
     * Whether the Request-URI names the caller's own domain: its SIP domain, or an IP address (a
     * phone that dials {@code 102@<server address>}).
     */
    private static boolean sameDomain(String host, String domain) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(domain) || h.matches("[0-9.]+") || h.startsWith("[");
    }

    /** What is known of a call before anything rings: enough to refuse and record it. */
    private record Attempt(
            SipServletRequest request,
            long domainId,
            CallRouting.Party caller,
            String dialled,
            Instant started) {}

    /** A call refused before anything rang: answered at once, and recorded. */
    private void refuse(
            Attempt attempt, CallRouting.Party callee, int status, String reason, CallResult result)
            throws Exception {
        SipServletRequest request = attempt.request();
        request.send(request.createResponse(status, reason));
        records.refused(
                attempt.domainId(),
                request.callId(),
                attempt.caller(),
                callee,
                attempt.dialled(),
                attempt.started(),
                result,
                status);
    }

    @Override
    public void response(ResponseEvent event) throws Exception {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = registry.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            Call.Relayed relayed = call.relayed.get(event.getClientTransaction());
            if (relayed != null) {
                infoRelay.response(call, relayed, event);
                return;
            }
            if (!Request.INVITE.equals(cseq.getMethod())) {
                return;
            }
            Call.Leg leg = call.leg(callId);
            if (leg == null) {
                return;
            }
            forking.legResponse(call, leg, response, event.getDialog(), cseq.getSeqNumber());
        }
    }

    @Override
    public void timeout(TimeoutEvent event) throws Exception {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null) {
            return;
        }
        String callId =
                ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        Call call = registry.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            Call.Relayed relayed = call.relayed.remove(transaction);
            if (relayed != null) {
                infoRelay.timedOut(relayed);
                return;
            }
            if (!Request.INVITE.equals(transaction.getRequest().getMethod())) {
                return;
            }
            forking.legTimedOut(call, call.leg(callId));
        }
    }

    @Override
    protected void doPrack(SipServletRequest request) throws Exception {
        // The stack has matched RAck to our reliable provisional response before handing it here.
        Call call = registry.get(request.callId());
        if (call == null || !request.callId().equals(call.callId)) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        synchronized (call) {
            request.send(request.createResponse(Response.OK));
            forking.pracked(call);
        }
    }

    @Override
    protected void doUpdate(SipServletRequest request) throws Exception {
        renegotiate(request);
    }

    /** A re-INVITE or UPDATE inside the call: see {@link Renegotiation}. */
    private void renegotiate(SipServletRequest request) throws Exception {
        underMonitor(request, call -> renegotiation.renegotiate(call, request));
    }

    /** An INFO inside the answered call: see {@link InfoRelay}. */
    @Override
    protected void doInfo(SipServletRequest request) throws Exception {
        underMonitor(request, call -> infoRelay.relay(call, request));
    }

    @Override
    protected void doAck(SipServletRequest request) throws Exception {
        Call call = registry.get(request.callId());
        if (call == null || call.media == null) {
            return;
        }
        synchronized (call) {
            renegotiation.acknowledged(call, request);
        }
    }

    @Override
    protected void doCancel(SipServletRequest request) throws Exception {
        Call call = callOrRefuse(request);
        if (call == null) {
            return;
        }
        if (!request.callId().equals(call.callId) || !sameBranch(request.message(), call.invite)) {
            // A CANCEL must match the caller's INVITE transaction (RFC 3261 §9.2).
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        synchronized (call) {
            request.send(request.createResponse(Response.OK));
            if (call.state != Call.State.RINGING) {
                return;
            }
            signalling.cancelLegs(call, null, false);
            failures.finish(call, Response.REQUEST_TERMINATED, CallResult.CANCELLED);
        }
    }

    @Override
    protected void doBye(SipServletRequest request) throws Exception {
        Call call = callOrRefuse(request);
        if (call == null) {
            return;
        }
        synchronized (call) {
            Dialog other = Signalling.otherSide(call, request);
            if (other == null) {
                request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
                return;
            }
            request.send(request.createResponse(Response.OK));
            signalling.bye(other);
            call.endReason =
                    request.dialog() == call.callerDialog
                            ? CallEndReason.CALLER_HUNG_UP
                            : CallEndReason.CALLEE_HUNG_UP;
            registry.end(call, CallResult.ANSWERED, Response.OK);
        }
    }

    /** What a request does to its call, under the call's monitor. */
    private interface InCall {
        void handle(Call call) throws Exception;
    }

    /**
     * Runs {@code handler} under the monitor of the call the request's Call-ID belongs to; if there
     * is none, answers 481.
     */
    private void underMonitor(SipServletRequest request, InCall handler) throws Exception {
        Call call = callOrRefuse(request);
        if (call == null) {
            return;
        }
        synchronized (call) {
            handler.handle(call);
        }
    }

    /** The call the request's Call-ID belongs to; if none, answers 481 and returns null. */
    private Call callOrRefuse(SipServletRequest request) throws Exception {
        Call call = registry.get(request.callId());
        if (call == null) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
        }
        return call;
    }

    private static boolean sameBranch(Request a, Request b) {
        ViaHeader va = (ViaHeader) a.getHeader(ViaHeader.NAME);
        ViaHeader vb = (ViaHeader) b.getHeader(ViaHeader.NAME);
        return va != null
                && vb != null
                && va.getBranch() != null
                && va.getBranch().equals(vb.getBranch());
    }
}
