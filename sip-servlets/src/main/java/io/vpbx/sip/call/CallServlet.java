package io.vpbx.sip.call;

import io.vpbx.application.sip.CallEnded;
import io.vpbx.application.sip.CallJournal;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.media.api.Audio;
import io.vpbx.media.api.Codec;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.media.api.MediaListener;
import io.vpbx.media.api.MediaSession;
import io.vpbx.media.api.SdpException;
import io.vpbx.model.calls.CallEndReason;
import io.vpbx.model.calls.CallResult;
import io.vpbx.sip.container.SipContainer;
import io.vpbx.sip.container.SipServlet;
import io.vpbx.sip.container.SipServletRequest;
import io.vpbx.sip.registrar.DigestGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RSeqHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

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
 */
public final class CallServlet extends SipServlet implements SipContainer.ClientEvents {
    private static final Logger LOG = Logger.getLogger(CallServlet.class);

    /** Our side of the wire, for Via and Contact headers. */
    public record Local(String address, int port) {}

    private final CallRouting routing;
    private final CallJournal journal;
    private final DigestGate gate;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final Local local;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final MediaEngine media;
    private final CallMediaHooks hooks;

    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private volatile LineWatcher watcher = id -> {};

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

    private final Channels channels = new Channels();

    /**
     * The ringback tone we play after a greeting when the callee has no melody: 425 Hz, 0.8 s on
     * and 3.2 s off (ITU-T E.180 for Russia), looped.
     */
    static final Audio RINGBACK_TONE = ringbackTone();

    private static Audio ringbackTone() {
        short[] samples = new short[8000 * 4];
        for (int i = 0; i < 6400; i++) {
            samples[i] = (short) Math.round(6000 * Math.sin(2 * Math.PI * 425 * i / 8000.0));
        }
        return new Audio("ringback-425", samples);
    }

    private final SecureRandom random = new SecureRandom();

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
        this.journal = journal;
        this.gate = gate;
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.local = local;
        this.timers = timers;
        this.clock = clock;
        this.media = media;
        this.hooks = hooks;
    }

    public void watchLines(LineWatcher lineWatcher) {
        this.watcher = lineWatcher;
    }

    /** The line state of a SIP number, from the calls in progress on this node. */
    public LineState lineState(long sipNumberId) {
        LineState state = LineState.FREE;
        for (Call call : calls.values()) {
            synchronized (call) {
                if (call.state == Call.State.ENDED) {
                    continue;
                }
                if (call.caller.sipNumberId() == sipNumberId) {
                    return LineState.IN_USE;
                }
                if (call.callee != null && call.callee.sipNumberId() == sipNumberId) {
                    if (call.state == Call.State.ANSWERED) {
                        return LineState.IN_USE;
                    }
                    state = LineState.RINGING;
                } else if (call.group != null
                        && call.state == Call.State.RINGING
                        && call.group.rings(sipNumberId)) {
                    state = LineState.RINGING;
                }
            }
        }
        return state;
    }

    private void linesChanged(Call call) {
        long caller = call.caller.sipNumberId();
        Long callee = call.callee == null ? null : call.callee.sipNumberId();
        List<Long> members =
                call.group == null
                        ? List.of()
                        : call.group.rung().stream().map(CallRouting.Party::sipNumberId).toList();
        timers.execute(
                () -> {
                    watcher.lineChanged(caller);
                    if (callee != null) {
                        watcher.lineChanged(callee);
                    }
                    members.forEach(watcher::lineChanged);
                });
    }

    /** Calls in progress on this node, for tests and statistics. */
    public int activeCalls() {
        return (int) calls.values().stream().distinct().count();
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
        if (!sameDomain(target.getHost(), domain)) {
            // Calls to other domains (inter-tenant, by routing number) come with their own issue.
            request.send(
                    request.createResponse(
                            Response.FORBIDDEN, "Calls to other domains not allowed"));
            return;
        }
        CallRouting.Route route = routing.route(domainId, dialled, callerParty);
        if (route.outcome() == CallRouting.Outcome.NOT_FOUND) {
            refuse(
                    request,
                    domainId,
                    callerParty,
                    null,
                    dialled,
                    started,
                    Response.NOT_FOUND,
                    "No such number",
                    CallResult.FAILED);
            return;
        }
        if (route.outcome() == CallRouting.Outcome.UNAVAILABLE
                || (route.outcome() == CallRouting.Outcome.DEVICES && route.devices().isEmpty())) {
            refuse(
                    request,
                    domainId,
                    callerParty,
                    route.callee(),
                    dialled,
                    started,
                    Response.TEMPORARILY_UNAVAILABLE,
                    route.outcome() == CallRouting.Outcome.UNAVAILABLE
                            ? "Unavailable"
                            : "Not registered",
                    CallResult.FAILED);
            return;
        }
        if (!acquire(callerParty)) {
            refuse(
                    request,
                    domainId,
                    callerParty,
                    null,
                    dialled,
                    started,
                    Response.BUSY_HERE,
                    "Channel limit reached",
                    CallResult.FAILED);
            return;
        }
        if (route.outcome() == CallRouting.Outcome.PICKUP
                && pickUp(request, domainId, callerParty)) {
            return;
        }
        boolean rings = route.outcome() == CallRouting.Outcome.DEVICES;
        // A group's members' channels are taken as their phones are rung (GroupCall).
        GroupCall group =
                route.outcome() == CallRouting.Outcome.GROUP
                        ? GroupCall.start(route, channels)
                        : null;
        if (rings && !acquire(route.callee())) {
            channel(callerParty).decrementAndGet();
            refuse(
                    request,
                    domainId,
                    callerParty,
                    route.callee(),
                    dialled,
                    started,
                    Response.BUSY_HERE,
                    "Busy Here",
                    CallResult.BUSY);
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
                        tag(),
                        callerParty,
                        route.callee(),
                        dialled,
                        started);
        call.holdsCalleeChannel = rings;
        call.group = group;
        call.sipDomain = domain;
        call.events = new SerialExecutor(timers);
        int refusal = openMedia(call);
        if (refusal != 0) {
            channel(callerParty).decrementAndGet();
            if (rings) {
                channel(route.callee()).decrementAndGet();
            }
            if (group != null) {
                group.releaseAll();
            }
            Response refused = messages.createResponse(refusal, invite);
            ((ToHeader) refused.getHeader(ToHeader.NAME)).setTag(call.callerTag);
            transaction.sendResponse(refused);
            record(
                    new CallEnded(
                            domainId,
                            call.callId,
                            null,
                            callerParty,
                            route.callee(),
                            dialled,
                            started,
                            null,
                            clock.instant(),
                            CallResult.FAILED,
                            refusal,
                            null));
            return;
        }
        synchronized (call) {
            calls.put(call.callId, call);
            if (group != null) {
                if (group.devices().isEmpty()) {
                    // Every member the core chose has all their channels in use.
                    fail(call, Response.BUSY_HERE, CallResult.BUSY);
                    return;
                }
                startRinging(call, group.devices(), route.ringSeconds());
                return;
            }
            if (!rings) {
                // Absent today, nothing to pick up, or a group that takes no call now (spec C
                // BR-C1, BR-F1): the caller hears why, and no phone rings.
                if (route.outcome() == CallRouting.Outcome.PICKUP) {
                    call.failurePrompt = "call-cannot-be-completed";
                }
                fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.FAILED);
                return;
            }
            if (route.greetingId() != null && call.callerOffered && !call.callerRequires100rel) {
                greet(call, route.greetingId());
                return;
            }
            startRinging(call, route.devices(), route.ringSeconds());
        }
    }

    /**
     * Invites every device (of the callee, or of the group's members), starts the ring timeout and
     * looks up the ringback melody.
     */
    private void startRinging(Call call, List<CallRouting.Device> devices, int ringSeconds)
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
            fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.FAILED);
            return;
        }
        call.ringTimeout = timers.schedule(() -> ringTimeout(call), ringSeconds, TimeUnit.SECONDS);
        linesChanged(call);
        // A group has no melody of its own yet (spec C BR-C8, «Мелодия гудка», comes with the
        // group's call settings): its caller hears the members' phones ring.
        if (call.callerOffered && !call.callerRequires100rel && call.callee != null) {
            loadRingback(call);
        }
    }

    /**
     * The callee's pre-call greeting (spec B BR-46/BR-58), played before any phone rings. Like
     * Asterisk's {@code Playback(...,noanswer)} before {@code Dial}, it goes as early media (183
     * with our SDP): the call is not answered, so the caller is not billed for the greeting. When
     * it ends the devices are looked up again (one may have registered meanwhile) and invited.
     */
    private void greet(Call call, long greetingId) throws Exception {
        call.greeting = true;
        sendEarlyMedia(call);
        timers.execute(
                () -> {
                    Audio greeting = loadGreeting(call, greetingId);
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
    private Audio loadGreeting(Call call, long greetingId) {
        try {
            Optional<java.nio.file.Path> file = hooks.greeting(call.domainId, greetingId);
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
    private void greeted(Call call) {
        if (!call.greeting || call.state != Call.State.RINGING) {
            return;
        }
        call.greeting = false;
        try {
            CallRouting.Route route = routing.route(call.domainId, call.dialled);
            if (route.outcome() != CallRouting.Outcome.DEVICES || route.devices().isEmpty()) {
                fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.FAILED);
                return;
            }
            // The caller's media is ours since the greeting: we ring, not their phone. The
            // callee's melody, if any, replaces the tone once loaded.
            call.ringback = RINGBACK_TONE;
            startRinging(call, route.devices(), route.ringSeconds());
        } catch (Exception e) {
            LOG.warnf(e, "Cannot ring after the greeting of %s", call.callId);
        }
    }

    /**
     * The caller dialled the domain's pickup code (spec B BR-27): the core chooses, among the calls
     * ringing on this node, the one to answer (another member of the caller's pickup group, ringing
     * longest), and the caller's INVITE answers it. Ringing calls are this node's, in memory: on
     * several nodes a call ringing on another node cannot be picked up (ADR 0005's cluster-wide
     * state would carry them).
     *
     * <p>A call's callee may answer at the same moment: both take the call's monitor and check that
     * it still rings, so exactly one wins; a picker who loses tries the next call, if any.
     *
     * @return false when there is nothing to pick up (the caller holds the channel it took)
     */
    private boolean pickUp(SipServletRequest request, long domainId, CallRouting.Party picker)
            throws Exception {
        java.util.Set<String> tried = new java.util.HashSet<>();
        while (true) {
            List<CallRouting.Ringing> ringing = new java.util.ArrayList<>();
            java.util.Set<Call> seen =
                    java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Call candidate : calls.values()) {
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
            Call call = calls.get(chosen.get());
            if (call == null || call.domainId != domainId) {
                continue;
            }
            synchronized (call) {
                if (call.ringingForPickup()) {
                    answerByPickup(call, request, picker);
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
    private void answerByPickup(Call call, SipServletRequest request, CallRouting.Party picker)
            throws Exception {
        Request invite = request.message();
        ServerTransaction transaction = request.transaction();
        Endpoint endpoint;
        try {
            endpoint = call.media.newEndpoint();
        } catch (IOException e) {
            LOG.warnf("No RTP port to pick up %s: %s", call.callId, e.getMessage());
            channel(picker).decrementAndGet();
            request.send(request.createResponse(Response.SERVICE_UNAVAILABLE));
            return;
        }
        byte[] offer = invite.getRawContent();
        if (offer != null) {
            try {
                endpoint.remoteOffer(new String(offer, StandardCharsets.UTF_8));
            } catch (SdpException e) {
                call.media.release(endpoint);
                channel(picker).decrementAndGet();
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
        cancelLegs(call, null, true);
        if (call.ringbackPlaying) {
            call.media.stopPlaying(call.callerEndpoint);
            call.ringbackPlaying = false;
        }
        for (Call.Leg other : call.legs) {
            call.media.release(other.endpoint);
        }
        if (call.holdsCalleeChannel) {
            channel(rang).decrementAndGet();
        }
        if (call.group != null) {
            call.group.releaseAll();
        }
        call.callee = picker;
        call.holdsCalleeChannel = true; // the channel the picker's INVITE took
        calls.put(leg.callId, call);
        call.media.bridge(call.callerEndpoint, endpoint);
        call.media.superviseMedia();

        Codec callerCodec =
                call.callerEndpoint.codec() != null
                        ? call.callerEndpoint.codec()
                        : call.callerEndpoint.preferredCodec();
        Response toPicker = request.createResponse(Response.OK);
        ((ToHeader) toPicker.getHeader(ToHeader.NAME)).setTag(tag());
        toPicker.addHeader(ourContact());
        if (offer != null) {
            toPicker.setContent(endpoint.localAnswer(callerCodec), sdpType());
        } else {
            // Late offer: ours goes in the 200, the picker's answer comes in its ACK (doAck).
            toPicker.setContent(endpoint.localOffer(callerCodec), sdpType());
            call.awaitingCalleeAnswer = true;
        }
        transaction.sendResponse(toPicker);

        Response ok = messages.createResponse(Response.OK, call.invite);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(call.callerTag);
        ok.addHeader(ourContact());
        Codec settled = call.callerEndpoint.codec();
        if (call.callerOffered) {
            ok.setContent(
                    call.callerEndpoint.localAnswer(
                            settled != null ? settled : endpoint.preferredCodec()),
                    sdpType());
        } else {
            ok.setContent(call.callerEndpoint.localOffer(endpoint.preferredCodec()), sdpType());
            call.awaitingCallerAnswer = true;
        }
        call.callerTransaction.sendResponse(ok);
        LOG.debugf("Call %s to %s picked up by %s", call.callId, rangLines, picker.sipNumberId());
        timers.execute(() -> rangLines.forEach(watcher::lineChanged));
        linesChanged(call);
        startRecording(call);
    }

    /** The option tags of the request's Require headers that we do not support (all but 100rel). */
    private static List<String> unsupportedExtensions(Request request) {
        List<String> unsupported = new java.util.ArrayList<>();
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

    /** Takes one of the party's channels; false if all are in use. */
    private boolean acquire(CallRouting.Party party) {
        return channels.acquire(party);
    }

    private AtomicInteger channel(CallRouting.Party party) {
        return channels.of(party);
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
                        headers.createFromHeader(fromAddress, tag()),
                        headers.createToHeader(toAddress, null),
                        List.of(
                                headers.createViaHeader(
                                        local.address(), local.port(), device.transport(), null)),
                        headers.createMaxForwardsHeader(70));
        invite.addHeader(ourContact());
        Endpoint endpoint = call.media.newEndpoint();
        invite.setContent(endpoint.localOffer(call.callerEndpoint.preferredCodec()), sdpType());
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
        calls.put(leg.callId, call);
        transaction.sendRequest();
    }

    @Override
    public void response(ResponseEvent event) throws Exception {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        Call call = calls.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            Call.Relayed relayed = call.relayed.get(event.getClientTransaction());
            if (relayed != null) {
                relayedResponse(call, relayed, event);
                return;
            }
            if (!Request.INVITE.equals(cseq.getMethod())) {
                return;
            }
            Call.Leg leg = call.leg(callId);
            if (leg == null) {
                return;
            }
            int status = response.getStatusCode();
            if (status < 200) {
                if (status > 100) {
                    provisional(call, leg, response, event.getDialog());
                }
            } else if (status < 300) {
                answered(call, leg, response, event.getDialog(), cseq.getSeqNumber());
            } else {
                leg.finalStatus = status;
                if (call.group != null && call.state == Call.State.RINGING) {
                    call.group.refused(leg.member, call.legs);
                }
                if (call.state == Call.State.RINGING && call.allLegsFailed()) {
                    failAll(call);
                }
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
            cancel(leg);
            return;
        }
        if (call.state != Call.State.RINGING) {
            return;
        }
        calleeSdp(call, leg, response);
        if (leg.earlyMedia && call.ringbackPlaying) {
            // The device's own early media (an announcement, its ringback) replaces our melody.
            call.media.stopPlaying(call.callerEndpoint);
            call.ringbackPlaying = false;
        } else if (!leg.earlyMedia) {
            call.ringingSeen = true;
            if (call.ringbackPlaying) {
                return;
            }
            if (call.ringback != null) {
                startRingback(call);
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
     * until the caller's PRACK ({@link #doPrack}); only one is outstanding at a time (RFC 3262 §3).
     */
    private void sendReliably(Call call, Response fromCallee) throws Exception {
        Response relayed =
                call.callerDialog.createReliableProvisionalResponse(fromCallee.getStatusCode());
        prepareForCaller(call, relayed, fromCallee);
        call.reliablePending = true;
        call.callerDialog.sendReliableProvisionalResponse(relayed);
    }

    @Override
    protected void doPrack(SipServletRequest request) throws Exception {
        // The stack has matched RAck to our reliable provisional response before handing it here.
        Call call = calls.get(request.callId());
        if (call == null || !request.callId().equals(call.callId)) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        synchronized (call) {
            request.send(request.createResponse(Response.OK));
            call.reliablePending = false;
            Response held = call.heldProvisional;
            call.heldProvisional = null;
            if (held != null && call.state == Call.State.RINGING) {
                sendReliably(call, held);
            }
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
            bye(legDialog);
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
        cancelLegs(call, leg, true);
        calleeSdp(call, leg, response);
        if (call.ringbackPlaying) {
            call.media.stopPlaying(call.callerEndpoint);
            call.ringbackPlaying = false;
        }
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
            ok.setContent(call.callerEndpoint.localOffer(leg.endpoint.codec()), sdpType());
            call.awaitingCallerAnswer = true;
        }
        call.callerTransaction.sendResponse(ok);
        linesChanged(call);
        startRecording(call);
    }

    /**
     * Opens the call's media and takes the caller's offer.
     *
     * @return 0, or the status that refuses the call: 488 for an offer without a codec we carry,
     *     503 when no RTP port is free
     */
    private int openMedia(Call call) {
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
        towardsCaller.addHeader(ourContact());
        Call.Leg leg =
                call.leg(((CallIdHeader) fromCallee.getHeader(CallIdHeader.NAME)).getCallId());
        if (call.callerOffered && leg != null && leg.earlyMedia) {
            Codec settled = call.callerEndpoint.codec();
            towardsCaller.setContent(
                    call.callerEndpoint.localAnswer(
                            settled != null ? settled : leg.endpoint.codec()),
                    sdpType());
        }
    }

    private ContentTypeHeader sdpType() throws java.text.ParseException {
        return headers.createContentTypeHeader("application", "sdp");
    }

    /** Asks the core (on a worker) whether to record, then starts recording both sides. */
    private void startRecording(Call call) {
        Endpoint caller = call.callerEndpoint;
        Endpoint callee = call.answered.endpoint;
        timers.execute(
                () -> {
                    try {
                        Optional<java.nio.file.Path> file =
                                hooks.recordingFile(
                                        call.domainId,
                                        call.callId,
                                        call.caller.sipNumberId(),
                                        call.callee.sipNumberId());
                        file.ifPresent(path -> call.media.record(caller, callee, path));
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Cannot start recording %s", call.callId);
                    }
                });
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
            timers.execute(
                    () -> {
                        synchronized (call) {
                            if (call.greeting) {
                                greeted(call);
                                return;
                            }
                        }
                        announced(call);
                    });
        }

        @Override
        public void mediaTimeout() {
            timers.execute(() -> mediaTimedOut(call));
        }

        @Override
        public void recordingFinished(java.nio.file.Path wav, Duration length) {
            call.events.execute(
                    () -> hooks.recordingFinished(call.domainId, call.callId, wav, length));
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
                bye(call.callerDialog);
                bye(call.answered.dialog);
            } catch (Exception e) {
                LOG.debugf(e, "BYE after the media timeout of %s", call.callId);
            }
            call.endReason = CallEndReason.MEDIA_TIMEOUT;
            end(call, CallResult.ANSWERED, Response.OK);
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
        Call call = calls.get(callId);
        if (call == null) {
            return;
        }
        synchronized (call) {
            Call.Relayed relayed = call.relayed.remove(transaction);
            if (relayed != null) {
                // The other side never answered: the sender gets 408 instead of silence.
                relayed.from()
                        .sendResponse(
                                messages.createResponse(
                                        Response.REQUEST_TIMEOUT, relayed.request()));
                return;
            }
            if (!Request.INVITE.equals(transaction.getRequest().getMethod())) {
                return;
            }
            Call.Leg leg = call.leg(callId);
            if (leg != null && leg.finalStatus == 0) {
                leg.finalStatus = Response.REQUEST_TIMEOUT;
                if (call.state == Call.State.RINGING && call.allLegsFailed()) {
                    failAll(call);
                }
            }
        }
    }

    private void ringTimeout(Call call) {
        synchronized (call) {
            if (call.state != Call.State.RINGING) {
                return;
            }
            try {
                cancelLegs(call, null, false);
                fail(call, Response.TEMPORARILY_UNAVAILABLE, CallResult.NO_ANSWER);
            } catch (Exception e) {
                LOG.debugf(e, "Ring timeout of %s", call.callId);
            }
        }
    }

    /**
     * Every device refused or never answered: busy if any was busy, no answer if all timed out,
     * otherwise unavailable.
     */
    private void failAll(Call call) throws Exception {
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
    private void fail(Call call, int status, CallResult result) throws Exception {
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
        sendEarlyMedia(call);
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

    /** 183 Session Progress with our answer: from now on the caller hears what we play. */
    private void sendEarlyMedia(Call call) throws Exception {
        Response progress = messages.createResponse(Response.SESSION_PROGRESS, call.invite);
        ((ToHeader) progress.getHeader(ToHeader.NAME)).setTag(call.callerTag);
        progress.addHeader(ourContact());
        Codec settled = call.callerEndpoint.codec();
        progress.setContent(
                call.callerEndpoint.localAnswer(
                        settled != null ? settled : call.callerEndpoint.preferredCodec()),
                sdpType());
        call.callerTransaction.sendResponse(progress);
    }

    /**
     * Looks up the callee's ringback melody on a worker; it starts when a device rings. After a
     * greeting the caller hears early media from us, so the ringback tone is ours until then (a
     * phone that has early media does not ring locally, RFC 3960), and the melody replaces it.
     */
    private void loadRingback(Call call) {
        Long calleeUser = call.callee.userId();
        timers.execute(
                () -> {
                    try {
                        Optional<java.nio.file.Path> file =
                                hooks.ringback(call.domainId, calleeUser);
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
                                startRingback(call);
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
    private void startRingback(Call call) throws Exception {
        if (call.state != Call.State.RINGING
                || call.announcing
                || call.ringbackPlaying
                || call.legs.stream().anyMatch(l -> l.earlyMedia)) {
            return;
        }
        sendEarlyMedia(call);
        call.media.play(call.callerEndpoint, call.ringback, true);
        call.ringbackPlaying = true;
    }

    /** The announcement has been played: the caller gets the final status. */
    private void announced(Call call) {
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
    private void finish(Call call, int status, CallResult result) throws Exception {
        call.announcing = false;
        Response failure = messages.createResponse(status, call.invite);
        ((ToHeader) failure.getHeader(ToHeader.NAME)).setTag(call.callerTag);
        call.callerTransaction.sendResponse(failure);
        end(call, result, status);
    }

    /** A call refused before anything rang: answered at once, and recorded. */
    private void refuse(
            SipServletRequest request,
            long domainId,
            CallRouting.Party caller,
            CallRouting.Party callee,
            String dialled,
            Instant started,
            int status,
            String reason,
            CallResult result)
            throws Exception {
        request.send(request.createResponse(status, reason));
        record(
                new CallEnded(
                        domainId,
                        request.callId(),
                        null,
                        caller,
                        callee,
                        dialled,
                        started,
                        null,
                        clock.instant(),
                        result,
                        status,
                        null));
    }

    /**
     * Reports the end of a call from a worker thread: the durable send waits for the disk, and a
     * SIP thread must never wait (ARCHITECTURE: no listener thread blocks).
     */
    private void record(CallEnded ended) {
        timers.execute(
                () -> {
                    try {
                        journal.callEnded(ended);
                    } catch (RuntimeException e) {
                        LOG.errorf(
                                "Call %s ended but no record of it could be written: %s (%s)",
                                ended.callId(), e, ended);
                    }
                });
    }

    @Override
    protected void doUpdate(SipServletRequest request) throws Exception {
        renegotiate(request);
    }

    /**
     * A re-INVITE or UPDATE inside the answered call (hold, resume, a new address or codec) is
     * answered here: the media is ours, so the other phone need not know. Holding starts music on
     * hold for the other party; resuming brings back the two-way path. Without SDP (late offer) our
     * offer goes in the 200 and the answer comes in the ACK.
     */
    private void renegotiate(SipServletRequest request) throws Exception {
        Call call = calls.get(request.callId());
        if (call == null) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        synchronized (call) {
            if (otherSideOrRefuse(call, request) == null) {
                return;
            }
            boolean fromCaller = request.dialog() == call.callerDialog;
            Endpoint side = fromCaller ? call.callerEndpoint : call.answered.endpoint;
            Endpoint other = fromCaller ? call.answered.endpoint : call.callerEndpoint;
            Request incoming = request.message();
            Response ok = request.createResponse(Response.OK);
            ok.addHeader(ourContact());
            byte[] offer = incoming.getRawContent();
            if (offer == null) {
                if (Request.INVITE.equals(incoming.getMethod())) {
                    ok.setContent(side.localOffer(side.codec()), sdpType());
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
            ok.setContent(side.localAnswer(side.codec()), sdpType());
            request.send(ok);
            if (side.holding() != wasHolding) {
                holdChanged(call, side, other, fromCaller);
            }
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
        timers.execute(
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
     * An INFO inside an answered call is passed to the other side in its dialog, with its body
     * (DTMF for the other phone, or anything else it carries); the other side's answer comes back
     * the same way ({@link #relayedResponse}). A DTMF body is also reported as a digit of the call.
     */
    @Override
    protected void doInfo(SipServletRequest request) throws Exception {
        Call call = calls.get(request.callId());
        if (call == null) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        synchronized (call) {
            Dialog other = otherSideOrRefuse(call, request);
            if (other == null) {
                return;
            }
            Request info = request.message();
            ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
            if (type != null && info.getRawContent() != null) {
                call.media.infoDtmf(
                        request.dialog() == call.callerDialog
                                ? call.callerEndpoint
                                : call.answered.endpoint,
                        type.getContentType() + "/" + type.getContentSubType(),
                        info.getRawContent());
            }
            Request outgoing = other.createRequest(info.getMethod());
            copyBody(info, outgoing);
            ServerTransaction from = request.transaction();
            ClientTransaction to = provider.getNewClientTransaction(outgoing);
            call.relayed.put(to, new Call.Relayed(from, info, other));
            other.sendRequest(to);
        }
    }

    private void relayedResponse(Call call, Call.Relayed relayed, ResponseEvent event)
            throws Exception {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        call.relayed.remove(event.getClientTransaction());
        Response answer = messages.createResponse(status, relayed.request());
        copyBody(response, answer);
        relayed.from().sendResponse(answer);
    }

    @Override
    protected void doAck(SipServletRequest request) throws Exception {
        // The ACK to our 200. After a late offer (our offer in the 200 of the first INVITE or of
        // a re-INVITE without SDP) it carries the phone's answer.
        Call call = calls.get(request.callId());
        if (call == null || call.media == null) {
            return;
        }
        synchronized (call) {
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

    @Override
    protected void doCancel(SipServletRequest request) throws Exception {
        Call call = calls.get(request.callId());
        if (call == null) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
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
            cancelLegs(call, null, false);
            finish(call, Response.REQUEST_TERMINATED, CallResult.CANCELLED);
        }
    }

    @Override
    protected void doBye(SipServletRequest request) throws Exception {
        Call call = calls.get(request.callId());
        if (call == null) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        synchronized (call) {
            Dialog other = otherSide(call, request);
            if (other == null) {
                request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
                return;
            }
            request.send(request.createResponse(Response.OK));
            bye(other);
            call.endReason =
                    request.dialog() == call.callerDialog
                            ? CallEndReason.CALLER_HUNG_UP
                            : CallEndReason.CALLEE_HUNG_UP;
            end(call, CallResult.ANSWERED, Response.OK);
        }
    }

    /**
     * For a request inside the answered call, the other side's dialog; otherwise answers {@code
     * 491} (not answered yet) or {@code 481} (not a dialog of this call) and returns null.
     */
    private Dialog otherSideOrRefuse(Call call, SipServletRequest request) throws Exception {
        if (call.state == Call.State.RINGING) {
            request.send(request.createResponse(Response.REQUEST_PENDING));
            return null;
        }
        Dialog other = otherSide(call, request);
        if (other == null) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
        }
        return other;
    }

    private static boolean sameBranch(Request a, Request b) {
        javax.sip.header.ViaHeader va = (javax.sip.header.ViaHeader) a.getHeader("Via");
        javax.sip.header.ViaHeader vb = (javax.sip.header.ViaHeader) b.getHeader("Via");
        return va != null
                && vb != null
                && va.getBranch() != null
                && va.getBranch().equals(vb.getBranch());
    }

    /**
     * For a request inside the answered call, the dialog of the other side; null if the call is not
     * answered (any more) or the request belongs to neither of its dialogs (the stack matched it by
     * Call-ID and both tags, so a guessed Call-ID alone gets nowhere).
     */
    private static Dialog otherSide(Call call, SipServletRequest request) {
        Dialog dialog = request.dialog();
        if (call.state != Call.State.ANSWERED || dialog == null) {
            return null;
        }
        if (dialog == call.callerDialog) {
            return call.answered.dialog;
        }
        if (dialog == call.answered.dialog) {
            return call.callerDialog;
        }
        return null;
    }

    private void bye(Dialog dialog) throws Exception {
        Request bye = dialog.createRequest(Request.BYE);
        dialog.sendRequest(provider.getNewClientTransaction(bye));
    }

    /**
     * Cancels every ringing leg but {@code except}: at once where a provisional came, otherwise on
     * the first provisional (RFC 3261 §9.1 forbids a CANCEL before one). When the call was answered
     * on another device or picked up, the CANCEL carries {@code Reason: SIP;cause=200;text="Call
     * completed elsewhere"} (RFC 3326), as Asterisk and FreeSWITCH send it, so that the phones do
     * not log a missed call.
     */
    private void cancelLegs(Call call, Call.Leg except, boolean completedElsewhere)
            throws Exception {
        for (Call.Leg leg : call.legs) {
            if (leg != except && !leg.cancelled) {
                leg.cancelled = true;
                leg.completedElsewhere = completedElsewhere;
                if (leg.provisional && leg.finalStatus == 0) {
                    cancel(leg);
                }
            }
        }
    }

    /** Our Contact, where both sides send their in-dialog requests. */
    private javax.sip.header.ContactHeader ourContact() throws java.text.ParseException {
        return headers.createContactHeader(
                addresses.createAddress(
                        addresses.createSipURI("vpbx", local.address() + ":" + local.port())));
    }

    /** Copies the body (SDP, dialog-info, DTMF) with its type, if there is one. */
    private static void copyBody(javax.sip.message.Message from, javax.sip.message.Message to)
            throws java.text.ParseException {
        if (from.getRawContent() != null) {
            to.setContent(
                    from.getRawContent(),
                    (ContentTypeHeader) from.getHeader(ContentTypeHeader.NAME));
        }
    }

    private void cancel(Call.Leg leg) throws Exception {
        Request cancel = leg.invite.createCancel();
        if (leg.completedElsewhere) {
            cancel.addHeader(headers.createReasonHeader("SIP", 200, "Call completed elsewhere"));
        }
        provider.getNewClientTransaction(cancel).sendRequest();
    }

    private void end(Call call, CallResult result, int status) {
        if (call.state == Call.State.ENDED) {
            return;
        }
        call.state = Call.State.ENDED;
        linesChanged(call);
        record(
                new CallEnded(
                        call.domainId,
                        call.callId,
                        call.answered == null ? null : call.answered.callId,
                        call.caller,
                        call.callee,
                        call.dialled,
                        call.startedAt,
                        call.answeredAt,
                        clock.instant(),
                        result,
                        status,
                        call.endReason));
        if (call.ringTimeout != null) {
            call.ringTimeout.cancel(false);
        }
        if (call.media != null) {
            call.media.close();
        }
        channel(call.caller).decrementAndGet();
        if (call.holdsCalleeChannel && call.callee != null) {
            channel(call.callee).decrementAndGet();
        }
        if (call.group != null) {
            call.group.releaseAll();
        }
        // Late responses of cancelled legs (487) still find the call for a short while.
        timers.schedule(
                () -> {
                    calls.remove(call.callId);
                    call.legs.forEach(l -> calls.remove(l.callId));
                    if (call.answered != null) {
                        calls.remove(call.answered.callId);
                    }
                },
                32,
                TimeUnit.SECONDS);
    }

    private String tag() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
