package io.vpbx.application.sip;

import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.RegistrarPolicy;
import java.util.Optional;

/**
 * The registrar's decisions (RFC 3261 §10.3), asked by the SIP layer for every REGISTER. The tenant
 * is the domain whose SIP domain the request names; nothing else selects it.
 */
public interface SipRegistrar {
    /** The account a request authenticates as; empty if the domain or the number does not exist. */
    Optional<SipAccount> account(String sipDomain, String login);

    /** Whether a domain with this SIP domain exists (an unknown one is answered 404). */
    boolean domainExists(String sipDomain);

    /** Applies a REGISTER, authenticated as the account, to the number's bindings. */
    RegisterOutcome register(SipAccount account, RegisterAttempt attempt);

    /** The expiry bounds in force. */
    RegistrarPolicy policy();

    /** Whether the source is banned: it gets no answer at all. */
    boolean isBanned(String sourceAddress);

    /** Counts wrong credentials from a source; enough of them ban it (and the ban is logged). */
    void authenticationFailed(String sourceAddress, String sipDomain, String login);
}
