package io.vpbx.application.sip;

import java.util.List;

/** The platform console's view of the SIP brute-force bans of this server node. */
public interface SipBansService {
    /** The bans in force, the longest first. */
    List<SipBan> activeBans();

    /** Lifts a ban at once (the source is a customer's office that mistyped a password). */
    void lift(String address);
}
