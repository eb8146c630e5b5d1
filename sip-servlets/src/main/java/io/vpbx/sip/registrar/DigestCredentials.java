package io.vpbx.sip.registrar;

/**
 * The digest parameters of an Authorization header, exactly as the client sent them (the response
 * is computed over these strings, so nothing may be normalised).
 *
 * @param algorithm {@code MD5} when the client named none
 * @param nc the nonce count as sent, eight hex digits
 */
public record DigestCredentials(
        String username,
        String realm,
        String nonce,
        String uri,
        String response,
        String algorithm,
        String qop,
        String nc,
        String cnonce) {
    @Override
    public String toString() {
        return "DigestCredentials[" + username + "@" + realm + ", " + algorithm + "]";
    }
}
