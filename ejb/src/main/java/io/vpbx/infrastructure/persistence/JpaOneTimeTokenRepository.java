package io.vpbx.infrastructure.persistence;

import io.vpbx.model.security.OneTimeToken;
import io.vpbx.model.security.OneTimeTokenRepository;
import io.vpbx.model.security.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaOneTimeTokenRepository implements OneTimeTokenRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<OneTimeToken> findByDigest(TokenPurpose purpose, String tokenDigest) {
        return em.createQuery(
                        "select t from OneTimeToken t where t.tokenDigest = :digest"
                                + " and t.purpose = :purpose",
                        OneTimeToken.class)
                .setParameter("digest", tokenDigest)
                .setParameter("purpose", purpose)
                .getResultStream()
                .findFirst();
    }

    @Override
    public long countIssuedSince(TokenPurpose purpose, long subjectId, Instant since) {
        return em.createQuery(
                        "select count(t) from OneTimeToken t where t.purpose = :purpose"
                                + " and t.subjectId = :subject and t.issuedAt >= :since",
                        Long.class)
                .setParameter("purpose", purpose)
                .setParameter("subject", subjectId)
                .setParameter("since", since)
                .getSingleResult();
    }

    @Override
    public OneTimeToken add(OneTimeToken token) {
        em.persist(token);
        return token;
    }
}
