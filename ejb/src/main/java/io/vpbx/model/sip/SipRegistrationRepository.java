package io.vpbx.model.sip;

import java.time.Instant;
import java.util.List;

/** Contact bindings; every lookup names the SIP number or the domain. */
public interface SipRegistrationRepository {
    /** All bindings of a number, expired ones included (the registrar drops those). */
    List<SipRegistration> listForNumber(long sipNumberId);

    /** The bindings of a domain that have not expired, for the registrations page. */
    List<SipRegistration> listActiveInDomain(long domainId, Instant now);

    SipRegistration add(SipRegistration registration);

    void remove(SipRegistration registration);

    /** Deletes bindings that expired before the given time; returns how many. */
    int purgeExpired(Instant before);
}
