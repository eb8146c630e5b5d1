package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.model.sip.RegistrarPolicy;
import io.vpbx.sip.container.SipServlet;
import io.vpbx.sip.container.SipServletRequest;
import io.vpbx.sip.registrar.DigestGate;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * BLF (spec F §14): {@code SUBSCRIBE} to the {@code dialog} event (RFC 4235) of another user of the
 * same domain, addressed by SIP login or extension, and {@code NOTIFY} with Free, Ringing or In use
 * (an outgoing call shows in use). Subscriptions expire unless refreshed; a subscription to another
 * domain is refused with 403.
 */
public final class BlfServlet extends SipServlet implements CallServlet.LineWatcher {
    private static final Logger LOG = Logger.getLogger(BlfServlet.class);

    /** One watcher of one line. */
    private static final class Subscription {
        final String callId;
        final Dialog dialog;
        final long target;
        final String entity;
        Instant expiresAt;
        int version;
        ScheduledFuture<?> expiry;
        boolean ended;

        Subscription(String callId, Dialog dialog, long target, String entity) {
            this.callId = callId;
            this.dialog = dialog;
            this.target = target;
            this.entity = entity;
        }
    }

    private final DigestGate gate;
    private final CallRouting routing;
    private final RegistrarPolicy expiryBounds;
    private final CallServlet calls;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final CallServlet.Local local;
    private final ScheduledExecutorService timers;
    private final Clock clock;

    private final Map<String, Subscription> byCallId = new ConcurrentHashMap<>();
    private final Map<Long, Set<Subscription>> byTarget = new ConcurrentHashMap<>();

    public BlfServlet(
            DigestGate gate,
            CallRouting routing,
            RegistrarPolicy expiryBounds,
            CallServlet calls,
            SipProvider provider,
            HeaderFactory headers,
            AddressFactory addresses,
            CallServlet.Local local,
            ScheduledExecutorService timers,
            Clock clock) {
        this.gate = gate;
        this.routing = routing;
        this.expiryBounds = expiryBounds;
        this.calls = calls;
        this.provider = provider;
        this.headers = headers;
        this.addresses = addresses;
        this.local = local;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    protected void doSubscribe(SipServletRequest request) throws Exception {
        Request subscribe = request.message();
        EventHeader event = (EventHeader) subscribe.getHeader(EventHeader.NAME);
        if (event == null || !"dialog".equalsIgnoreCase(event.getEventType())) {
            Response bad = request.createResponse(Response.BAD_EVENT);
            bad.addHeader(headers.createAllowEventsHeader("dialog"));
            request.send(bad);
            return;
        }
        ExpiresHeader expiresHeader = subscribe.getExpires();
        long requested = expiresHeader == null ? 3600 : expiresHeader.getExpires();
        if (expiryBounds.isTooBrief(requested)) {
            Response brief = request.createResponse(Response.INTERVAL_TOO_BRIEF);
            brief.addHeader(
                    headers.createMinExpiresHeader((int) expiryBounds.minExpires().toSeconds()));
            request.send(brief);
            return;
        }
        long granted = expiryBounds.grant(requested).toSeconds();
        ToHeader to = (ToHeader) subscribe.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() != null) {
            refresh(request, granted);
            return;
        }
        if (!(subscribe.getRequestURI() instanceof SipURI target)
                || !(((javax.sip.header.FromHeader) subscribe.getHeader("From"))
                                .getAddress()
                                .getURI()
                        instanceof SipURI from)) {
            request.send(request.createResponse(Response.BAD_REQUEST, "SIP URIs only"));
            return;
        }
        String domain = from.getHost().toLowerCase(Locale.ROOT);
        Optional<SipAccount> account =
                gate.authenticate(request, domain, from.getUser(), DigestGate.Kind.PROXY);
        if (account.isEmpty()) {
            return;
        }
        if (!domain.equalsIgnoreCase(target.getHost())) {
            request.send(
                    request.createResponse(Response.FORBIDDEN, "Only users of your own domain"));
            return;
        }
        CallRouting.Route route = routing.route(account.get().domainId(), target.getUser());
        if (route.callee() == null) {
            // No such number, or a service code (the pickup code): nothing to watch.
            request.send(request.createResponse(Response.NOT_FOUND, "No such user"));
            return;
        }
        ServerTransaction transaction = request.transaction();
        Dialog dialog = provider.getNewDialog(transaction);
        Response ok = request.createResponse(Response.OK);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(Long.toHexString(System.nanoTime()));
        ok.addHeader(headers.createExpiresHeader((int) granted));
        ok.addHeader(contact());
        transaction.sendResponse(ok);

        Subscription s =
                new Subscription(
                        request.callId(),
                        dialog,
                        route.callee().sipNumberId(),
                        "sip:" + route.callee().login() + "@" + domain);
        synchronized (s) {
            byCallId.put(s.callId, s);
            byTarget.computeIfAbsent(s.target, t -> ConcurrentHashMap.newKeySet()).add(s);
            extend(s, granted);
            notify(s);
        }
    }

    private void refresh(SipServletRequest request, long granted) throws Exception {
        Subscription s = byCallId.get(request.callId());
        if (s == null) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        synchronized (s) {
            Response ok = request.createResponse(Response.OK);
            ok.addHeader(headers.createExpiresHeader((int) granted));
            ok.addHeader(contact());
            request.send(ok);
            extend(s, granted);
            notify(s);
        }
    }

    /** Sets the subscription to expire {@code seconds} from now (0: ends after this NOTIFY). */
    private void extend(Subscription s, long seconds) {
        if (s.expiry != null) {
            s.expiry.cancel(false);
        }
        s.expiresAt = clock.instant().plusSeconds(seconds);
        if (seconds == 0) {
            s.ended = true;
            forget(s);
        } else {
            s.expiry = timers.schedule(() -> expire(s), seconds, TimeUnit.SECONDS);
        }
    }

    private void expire(Subscription s) {
        synchronized (s) {
            s.ended = true;
            forget(s);
            try {
                notify(s);
            } catch (Exception e) {
                LOG.debugf(e, "Final NOTIFY of %s", s.callId);
            }
        }
    }

    private void forget(Subscription s) {
        byCallId.remove(s.callId);
        Set<Subscription> watchers = byTarget.get(s.target);
        if (watchers != null) {
            watchers.remove(s);
        }
    }

    @Override
    public void lineChanged(long sipNumberId) {
        Set<Subscription> watchers = byTarget.get(sipNumberId);
        if (watchers == null) {
            return;
        }
        for (Subscription s : watchers) {
            synchronized (s) {
                if (s.ended) {
                    continue;
                }
                try {
                    notify(s);
                } catch (Exception e) {
                    LOG.debugf(e, "NOTIFY of %s", s.callId);
                }
            }
        }
    }

    /** Sends the line's current state to the watcher. */
    private void notify(Subscription s) throws Exception {
        Request notify = s.dialog.createRequest(Request.NOTIFY);
        notify.addHeader(headers.createEventHeader("dialog"));
        SubscriptionStateHeader state =
                headers.createSubscriptionStateHeader(
                        s.ended
                                ? SubscriptionStateHeader.TERMINATED
                                : SubscriptionStateHeader.ACTIVE);
        if (s.ended) {
            state.setReasonCode("timeout");
        } else {
            state.setExpires(
                    (int)
                            Math.max(
                                    1,
                                    java.time.Duration.between(clock.instant(), s.expiresAt)
                                            .toSeconds()));
        }
        notify.addHeader(state);
        notify.addHeader(contact());
        notify.setContent(
                dialogInfo(s.entity, s.version++, calls.lineState(s.target)),
                headers.createContentTypeHeader("application", "dialog-info+xml"));
        s.dialog.sendRequest(provider.getNewClientTransaction(notify));
    }

    /**
     * RFC 4235 dialog-info: no dialog when free, early/recipient when ringing, confirmed when in
     * use.
     */
    static String dialogInfo(String entity, int version, CallServlet.LineState state) {
        String dialog =
                switch (state) {
                    case FREE -> "";
                    case RINGING ->
                            "  <dialog id=\"line\" direction=\"recipient\"><state>early</state></dialog>\n";
                    case IN_USE -> "  <dialog id=\"line\"><state>confirmed</state></dialog>\n";
                };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\""
                + version
                + "\" state=\"full\" entity=\""
                + entity
                + "\">\n"
                + dialog
                + "</dialog-info>\n";
    }

    private javax.sip.header.ContactHeader contact() throws java.text.ParseException {
        return headers.createContactHeader(
                addresses.createAddress(
                        addresses.createSipURI("vpbx", local.address() + ":" + local.port())));
    }
}
