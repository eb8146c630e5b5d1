package io.vpbx.sip.registrar;

import gov.nist.javax.sip.header.SIPHeader;
import io.vpbx.application.sip.RegisterOutcome;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.application.sip.SipRegistrar;
import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.RegistrarPolicy;
import io.vpbx.sip.container.SipServlet;
import io.vpbx.sip.container.SipServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * REGISTER (RFC 3261 §10.3). The tenant is the host of the To URI, which is the domain's SIP domain
 * and the digest realm. The request is challenged with SHA-256 and MD5 together (RFC 8760, SHA-256
 * first, so a client that knows it prefers it); wrong credentials are challenged again and counted
 * towards a ban of the source. The AOR must be the authenticated number itself: nobody registers on
 * another's behalf.
 */
public final class RegistrarServlet extends SipServlet {
    private static final Logger LOG = Logger.getLogger(RegistrarServlet.class);

    private final SipRegistrar registrar;
    private final DigestGate gate;
    private final Clock clock;

    public RegistrarServlet(SipRegistrar registrar, DigestGate gate, Clock clock) {
        this.registrar = registrar;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    protected void doRegister(SipServletRequest request) throws Exception {
        Request message = request.message();
        ToHeader to = (ToHeader) message.getHeader(ToHeader.NAME);
        if (to == null || !(to.getAddress().getURI() instanceof SipURI aor)) {
            request.send(request.createResponse(Response.BAD_REQUEST, "Missing or non-SIP To"));
            return;
        }
        String domain = aor.getHost().toLowerCase(Locale.ROOT);
        Optional<SipAccount> account =
                gate.authenticate(request, domain, aor.getUser(), DigestGate.Kind.REGISTRAR);
        if (account.isPresent()) {
            registerAuthenticated(request, account.get(), aor, clock.instant());
        }
    }

    private void registerAuthenticated(
            SipServletRequest request, SipAccount account, SipURI aor, Instant now)
            throws Exception {
        if (!account.allowedSources().permits(request.sourceAddress())) {
            request.send(
                    request.createResponse(
                            Response.FORBIDDEN, "Registration from this address not allowed"));
            return;
        }
        if (!account.login().equals(aor.getUser())) {
            request.send(
                    request.createResponse(
                            Response.FORBIDDEN, "Address of record is not the authenticated user"));
            return;
        }
        Request message = request.message();
        RegistrarPolicy policy = registrar.policy();
        ExpiresHeader expiresHeader = message.getExpires();
        Long defaultRequested = expiresHeader == null ? null : (long) expiresHeader.getExpires();

        boolean removeAll = false;
        List<RegisterAttempt.Contact> contacts = new ArrayList<>();
        ListIterator<?> headers = message.getHeaders(ContactHeader.NAME);
        while (headers.hasNext()) {
            ContactHeader contact = (ContactHeader) headers.next();
            if (contact.isWildCard()) {
                removeAll = true;
                continue;
            }
            Long requested =
                    contact.getExpires() >= 0 ? (long) contact.getExpires() : defaultRequested;
            if (requested != null && policy.isTooBrief(requested)) {
                Response tooBrief = request.createResponse(Response.INTERVAL_TOO_BRIEF);
                tooBrief.addHeader(
                        request.headers()
                                .createMinExpiresHeader((int) policy.minExpires().toSeconds()));
                request.send(tooBrief);
                return;
            }
            URI uri = contact.getAddress().getURI();
            contacts.add(new RegisterAttempt.Contact(uri.toString(), policy.grant(requested)));
        }
        if (removeAll
                && (!contacts.isEmpty() || defaultRequested == null || defaultRequested != 0)) {
            request.send(
                    request.createResponse(
                            Response.BAD_REQUEST,
                            "Contact * needs Expires: 0 and no other contact"));
            return;
        }

        RegisterOutcome outcome;
        try {
            outcome =
                    registrar.register(
                            account,
                            new RegisterAttempt(
                                    request.callId(),
                                    message.getHeader("CSeq") == null
                                            ? 0
                                            : ((javax.sip.header.CSeqHeader)
                                                            message.getHeader("CSeq"))
                                                    .getSeqNumber(),
                                    removeAll,
                                    contacts,
                                    now,
                                    request.sourceAddress(),
                                    request.sourcePort(),
                                    request.transport(),
                                    userAgent(message)));
        } catch (RuntimeException e) {
            LOG.warnf("REGISTER of %s@%s failed: %s", account.login(), account.realm(), e);
            request.send(request.createResponse(Response.SERVER_INTERNAL_ERROR));
            return;
        }
        switch (outcome.outcome()) {
            case OUT_OF_ORDER ->
                    request.send(
                            request.createResponse(
                                    Response.SERVER_INTERNAL_ERROR, "Request out of order"));
            case TOO_MANY_DEVICES ->
                    request.send(
                            request.createResponse(
                                    Response.FORBIDDEN,
                                    "Too many devices registered (limit "
                                            + outcome.deviceLimit()
                                            + ")"));
            case APPLIED -> {
                Response ok = request.createResponse(Response.OK);
                for (RegisterOutcome.Binding binding : outcome.bindings()) {
                    ContactHeader contact =
                            request.headers()
                                    .createContactHeader(
                                            request.addresses()
                                                    .createAddress(
                                                            request.addresses()
                                                                    .createURI(
                                                                            binding.contactUri())));
                    contact.setExpires((int) binding.expiresInSeconds());
                    ok.addHeader(contact);
                }
                ok.addHeader(
                        request.headers()
                                .createDateHeader(
                                        Calendar.getInstance(TimeZone.getTimeZone("GMT"))));
                request.send(ok);
            }
        }
    }

    private static String userAgent(Request message) {
        var header = message.getHeader("User-Agent");
        return header instanceof SIPHeader h ? h.getHeaderValue() : null;
    }
}
