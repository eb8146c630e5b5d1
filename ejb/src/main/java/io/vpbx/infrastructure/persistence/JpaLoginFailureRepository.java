package io.vpbx.infrastructure.persistence;

import io.vpbx.model.security.LoginFailure;
import io.vpbx.model.security.LoginFailureRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaLoginFailureRepository implements LoginFailureRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<LoginFailure> find(String accountKey, String sourceIp) {
        return em.createQuery(
                        "select f from LoginFailure f where f.accountKey = :key and f.sourceIp = :ip",
                        LoginFailure.class)
                .setParameter("key", accountKey)
                .setParameter("ip", sourceIp)
                .getResultStream()
                .findFirst();
    }

    @Override
    public LoginFailure add(LoginFailure failure) {
        em.persist(failure);
        return failure;
    }

    @Override
    public void forget(String accountKey, String sourceIp) {
        em.createQuery("delete from LoginFailure f where f.accountKey = :key and f.sourceIp = :ip")
                .setParameter("key", accountKey)
                .setParameter("ip", sourceIp)
                .executeUpdate();
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        return em.createQuery(
                        "delete from LoginFailure f where f.lastFailureAt < :cutoff"
                                + " and (f.lockedUntil is null or f.lockedUntil < :cutoff)")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
