package io.vpbx.model.security;

import java.time.Instant;
import java.util.Optional;

/** Single-use tokens, found by the digest of the token presented. */
public interface OneTimeTokenRepository {
    Optional<OneTimeToken> findByDigest(TokenPurpose purpose, String tokenDigest);

    /**
     * How many tokens of this purpose were issued for the subject since the given time (rate
     * limiting).
     */
    long countIssuedSince(TokenPurpose purpose, long subjectId, Instant since);

    OneTimeToken add(OneTimeToken token);
}
