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
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

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
    private final DigestAuthenticator digest;
    private final Clock clock;

    public RegistrarServlet(SipRegistrar registrar, DigestAuthenticator digest, Clock clock) {
        this.registrar = registrar;
        this.digest = digest;
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
        Instant now = clock.instant();
        Optional<DigestCredentials> credentials = credentialsFor(message, domain);
        if (credentials.isEmpty()) {
            challenge(request, domain, aor.getUser(), now, false);
            return;
        }
        DigestCredentials presented = credentials.get();
        Optional<SipAccount> account = registrar.account(domain, presented.username());
        String algorithm = DigestAuthenticator.normalisedAlgorithm(presented.algorithm());
        DigestAuthenticator.Verdict verdict =
                account.isEmpty() || algorithm == null
                        ? DigestAuthenticator.Verdict.FAILED
                        : digest.verify(
                                presented,
                                Request.REGISTER,
                                algorithm.equals("MD5")
                                        ? account.get().ha1Md5()
                                        : account.get().ha1Sha256(),
                                now);
        switch (verdict) {
            case STALE -> challenge(request, domain, aor.getUser(), now, true);
            case FAILED -> {
                registrar.authenticationFailed(
                        request.sourceAddress(), domain, presented.username());
                challenge(request, domain, aor.getUser(), now, false);
            }
            case OK -> registerAuthenticated(request, account.get(), aor, now);
        }
    }

    private void registerAuthenticated(
            SipServletRequest request, SipAccount account, SipURI aor, Instant now)
            throws Exception {
        MDC.put("domainId", Long.toString(account.domainId()));
        switch (account.state()) {
            case DISABLED -> {
                request.send(request.createResponse(Response.FORBIDDEN, "SIP number disabled"));
                return;
            }
            case DOMAIN_BLOCKED -> {
                request.send(request.createResponse(Response.FORBIDDEN, "Domain blocked"));
                return;
            }
            case USABLE -> {
                // go on
            }
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
                            account.domainId(),
                            account.sipNumberId(),
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

    /** The Authorization header for this realm, if the client sent one. */
    private static Optional<DigestCredentials> credentialsFor(Request message, String realm) {
        ListIterator<?> headers = message.getHeaders(AuthorizationHeader.NAME);
        while (headers.hasNext()) {
            AuthorizationHeader auth = (AuthorizationHeader) headers.next();
            if (!"Digest".equalsIgnoreCase(auth.getScheme())
                    || auth.getRealm() == null
                    || !realm.equalsIgnoreCase(auth.getRealm())) {
                continue;
            }
            String uri = auth.getParameter("uri");
            return Optional.of(
                    new DigestCredentials(
                            auth.getUsername(),
                            auth.getRealm(),
                            auth.getNonce(),
                            uri != null
                                    ? uri
                                    : auth.getURI() == null ? null : auth.getURI().toString(),
                            auth.getResponse(),
                            auth.getAlgorithm(),
                            auth.getQop(),
                            auth.getParameter("nc"),
                            auth.getCNonce()));
        }
        return Optional.empty();
    }

    /**
     * 401 with a fresh nonce: SHA-256 then MD5 (RFC 8760, most preferred first), or MD5 alone for
     * an account set up for legacy phones. The account is the AOR's user; an unknown one gets the
     * default, so the challenge does not tell which accounts exist.
     */
    private void challenge(
            SipServletRequest request, String realm, String aorUser, Instant now, boolean stale)
            throws Exception {
        if (!registrar.domainExists(realm)) {
            request.send(request.createResponse(Response.NOT_FOUND, "Domain not found"));
            return;
        }
        boolean md5Only =
                aorUser != null
                        && registrar.account(realm, aorUser).map(SipAccount::md5Only).orElse(false);
        Response unauthorized = request.createResponse(Response.UNAUTHORIZED);
        String nonce = digest.newNonce(now);
        for (String algorithm : md5Only ? new String[] {"MD5"} : new String[] {"SHA-256", "MD5"}) {
            WWWAuthenticateHeader challenge =
                    request.headers().createWWWAuthenticateHeader("Digest");
            challenge.setRealm(realm);
            challenge.setNonce(nonce);
            challenge.setAlgorithm(algorithm);
            challenge.setQop("auth");
            if (stale) {
                challenge.setStale(true);
            }
            unauthorized.addHeader(challenge);
        }
        request.send(unauthorized);
    }

    private static String userAgent(Request message) {
        var header = message.getHeader("User-Agent");
        return header instanceof SIPHeader h ? h.getHeaderValue() : null;
    }
}
