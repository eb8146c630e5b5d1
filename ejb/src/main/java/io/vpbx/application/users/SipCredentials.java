package io.vpbx.application.users;

/**
 * What a phone needs to register: the SIP number's login (the digest username), its password, and
 * the domain, which is both the registrar host and the digest realm.
 */
public record SipCredentials(
        String extension,
        String login,
        String password,
        String domain,
        int deviceLimit,
        int channelLimit) {
    @Override
    public String toString() {
        return "SipCredentials[" + login + "@" + domain + "]";
    }
}
