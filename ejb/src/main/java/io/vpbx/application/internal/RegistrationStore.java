package io.vpbx.application.internal;

import io.vpbx.application.sip.RegisterOutcome;
import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.SipRegistration;
import java.time.Instant;
import java.util.List;

/**
 * Where the contact bindings of the registrar live on the hot path. The one implementation, {@link
 * LocalRegistrationStore}, keeps them in this node's memory and writes them behind to the database
 * (ADR 0005); a cluster replaces it with one on the HA profile's replicated cache.
 */
public interface RegistrationStore {
    /** Applies an authenticated REGISTER to the number's bindings (RFC 3261 §10.3 steps 6–8). */
    RegisterOutcome register(
            long domainId, long sipNumberId, int deviceLimit, RegisterAttempt attempt);

    /** Copies of the number's bindings that have not expired. */
    List<SipRegistration> active(long sipNumberId, Instant now);

    /** Copies of the domain's bindings that have not expired, for the registrations page. */
    List<SipRegistration> activeInDomain(long domainId, Instant now);

    /**
     * Drops every binding of the number at once (a disabled or deleted number): calls no longer
     * reach its phones, and their next REGISTER is refused.
     */
    void dropAll(long sipNumberId);
}
