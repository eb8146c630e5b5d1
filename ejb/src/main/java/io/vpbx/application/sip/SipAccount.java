package io.vpbx.application.sip;

import io.vpbx.model.sip.IpAllowList;

/**
 * A SIP number as digest authentication needs it. The password itself never leaves the core: the
 * SIP layer gets {@code H(login:realm:password)} for each algorithm it offers (RFC 7616 §3.4.2).
 *
 * @param realm the domain's SIP domain, which is also the digest realm
 * @param ha1Md5 lower-case hex MD5 of {@code login:realm:password}
 * @param ha1Sha256 lower-case hex SHA-256 of the same
 * @param md5Only challenge this account with MD5 alone (legacy phones)
 * @param allowedSources where the domain's phones may register from
 */
public record SipAccount(
        long domainId,
        long sipNumberId,
        String realm,
        String login,
        String ha1Md5,
        String ha1Sha256,
        int deviceLimit,
        boolean md5Only,
        IpAllowList allowedSources,
        State state) {
    /** Whether the account may register or call. */
    public enum State {
        USABLE,
        /** The SIP number is disabled or its user blocked. */
        DISABLED,
        /** The operator blocked the domain, or it is blocked for non-payment. */
        DOMAIN_BLOCKED
    }

    @Override
    public String toString() {
        return "SipAccount[" + login + "@" + realm + "]";
    }
}
