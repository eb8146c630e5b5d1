package io.vpbx.infrastructure.persistence;

import io.vpbx.model.shared.Login;
import io.vpbx.model.tenancy.PlatformOperator;
import io.vpbx.model.tenancy.PlatformOperatorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

@ApplicationScoped
public class JpaPlatformOperatorRepository implements PlatformOperatorRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<PlatformOperator> findById(long id) {
        return Optional.ofNullable(em.find(PlatformOperator.class, id));
    }

    @Override
    public Optional<PlatformOperator> findByLogin(Login login) {
        return em.createQuery(
                        "select o from PlatformOperator o where o.login = :login",
                        PlatformOperator.class)
                .setParameter("login", login.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public long count() {
        return em.createQuery("select count(o) from PlatformOperator o", Long.class)
                .getSingleResult();
    }

    @Override
    public PlatformOperator add(PlatformOperator operator) {
        em.persist(operator);
        return operator;
    }
}
