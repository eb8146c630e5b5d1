package io.vpbx.sip.registrar;

import io.vpbx.application.sip.SipAccount;
import io.vpbx.application.sip.SipRegistrar;
import io.vpbx.sip.container.SipServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.MDC;

/**
 * Digest authentication of a request from one of a domain's SIP numbers, for the registrar (401,
 * {@code Authorization}) and for calls (407, {@code Proxy-Authorization}). It answers every refusal
 * itself: 404 for an unknown domain, a challenge (SHA-256 then MD5, or MD5 alone for an account set
 * up so), a renewed challenge on wrong credentials (counted towards a ban of the source) or a stale
 * nonce, and 403 for a disabled number or a blocked domain.
 */
public final class DigestGate {
    /** Where the credentials travel. */
    public enum Kind {
        REGISTRAR,
        PROXY
    }

    private final SipRegistrar registrar;
    private final DigestAuthenticator digest;
    private final Clock clock;

    public DigestGate(SipRegistrar registrar, DigestAuthenticator digest, Clock clock) {
        this.registrar = registrar;
        this.digest = digest;
        this.clock = clock;
    }

    /**
     * The authenticated, usable account; empty when the request has been answered already.
     *
     * @param realm the SIP domain the request names
     * @param claimedUser the user the request claims to be (To for REGISTER, From for INVITE),
     *     which chooses the challenge before authentication
     */
    public Optional<SipAccount> authenticate(
            SipServletRequest request, String realm, String claimedUser, Kind kind)
            throws Exception {
        Instant now = clock.instant();
        Optional<DigestCredentials> credentials = credentialsFor(request.message(), realm, kind);
        if (credentials.isEmpty()) {
            challenge(request, realm, claimedUser, now, false, kind);
            return Optional.empty();
        }
        DigestCredentials presented = credentials.get();
        Optional<SipAccount> account = registrar.account(realm, presented.username());
        String algorithm = DigestAuthenticator.normalisedAlgorithm(presented.algorithm());
        DigestAuthenticator.Verdict verdict =
                account.isEmpty() || algorithm == null
                        ? DigestAuthenticator.Verdict.FAILED
                        : digest.verify(
                                presented,
                                request.method(),
                                algorithm.equals("MD5")
                                        ? account.get().ha1Md5()
                                        : account.get().ha1Sha256(),
                                now);
        switch (verdict) {
            case STALE -> {
                challenge(request, realm, claimedUser, now, true, kind);
                return Optional.empty();
            }
            case FAILED -> {
                registrar.authenticationFailed(
                        request.sourceAddress(), realm, presented.username());
                challenge(request, realm, claimedUser, now, false, kind);
                return Optional.empty();
            }
            default -> {
                // authenticated
            }
        }
        SipAccount authenticated = account.get();
        MDC.put("domainId", Long.toString(authenticated.domainId()));
        switch (authenticated.state()) {
            case DISABLED -> {
                request.send(request.createResponse(Response.FORBIDDEN, "SIP number disabled"));
                return Optional.empty();
            }
            case DOMAIN_BLOCKED -> {
                request.send(request.createResponse(Response.FORBIDDEN, "Domain blocked"));
                return Optional.empty();
            }
            default -> {
                return Optional.of(authenticated);
            }
        }
    }

    /** The credentials for this realm, if the client sent them. */
    private static Optional<DigestCredentials> credentialsFor(
            Request message, String realm, Kind kind) {
        ListIterator<?> headers =
                message.getHeaders(
                        kind == Kind.REGISTRAR
                                ? AuthorizationHeader.NAME
                                : ProxyAuthorizationHeader.NAME);
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
     * 401 or 407 with a fresh nonce: SHA-256 then MD5 (RFC 8760, most preferred first), or MD5
     * alone for an account set up for legacy phones. An unknown account gets the default.
     */
    private void challenge(
            SipServletRequest request,
            String realm,
            String claimedUser,
            Instant now,
            boolean stale,
            Kind kind)
            throws Exception {
        if (!registrar.domainExists(realm)) {
            request.send(request.createResponse(Response.NOT_FOUND, "Domain not found"));
            return;
        }
        boolean md5Only =
                claimedUser != null
                        && registrar
                                .account(realm, claimedUser)
                                .map(SipAccount::md5Only)
                                .orElse(false);
        Response response =
                request.createResponse(
                        kind == Kind.REGISTRAR
                                ? Response.UNAUTHORIZED
                                : Response.PROXY_AUTHENTICATION_REQUIRED);
        String nonce = digest.newNonce(now);
        for (String algorithm : md5Only ? new String[] {"MD5"} : new String[] {"SHA-256", "MD5"}) {
            WWWAuthenticateHeader challenge =
                    kind == Kind.REGISTRAR
                            ? request.headers().createWWWAuthenticateHeader("Digest")
                            : request.headers().createProxyAuthenticateHeader("Digest");
            challenge.setRealm(realm);
            challenge.setNonce(nonce);
            challenge.setAlgorithm(algorithm);
            challenge.setQop("auth");
            if (stale) {
                challenge.setStale(true);
            }
            response.addHeader(challenge);
        }
        request.send(response);
    }
}
