package io.vpbx.model.security;

import java.time.Instant;
import java.util.Optional;

/** Failed-login records; see {@link LoginFailure}. */
public interface LoginFailureRepository {
    Optional<LoginFailure> find(String accountKey, String sourceIp);

    LoginFailure add(LoginFailure failure);

    void forget(String accountKey, String sourceIp);

    /**
     * Deletes records whose last failure and lock both ended before {@code cutoff}; returns how
     * many.
     */
    int purgeOlderThan(Instant cutoff);
}
