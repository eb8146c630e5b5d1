package io.vpbx.application;

import java.util.Optional;

/**
 * Makes unguessable, signed tokens for links (password recovery, console jumps), and turns a
 * presented token back into the digest under which it was stored. A token whose signature does not
 * verify is rejected before any database lookup.
 */
public interface TokenIssuer {
    /** A new token and the digest to store for it. */
    IssuedToken issue();

    /** The storage digest of a presented token, or empty if the token is malformed or not ours. */
    Optional<String> digestOf(String presentedToken);

    /**
     * @param token what goes into the link
     * @param digest what the database keeps
     */
    record IssuedToken(String token, String digest) {}
}
