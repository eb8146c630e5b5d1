package io.vpbx.infrastructure.persistence;

import io.vpbx.model.tenancy.Pool;
import io.vpbx.model.tenancy.PoolRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPoolRepository implements PoolRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<Pool> findById(long id) {
        return Optional.ofNullable(em.find(Pool.class, id));
    }

    @Override
    public Optional<Pool> findByName(String name) {
        return em.createQuery("select p from Pool p where lower(p.name) = lower(:name)", Pool.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Pool> lockById(long id) {
        return Optional.ofNullable(em.find(Pool.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Pool> listAll() {
        return em.createQuery("select p from Pool p order by p.name", Pool.class).getResultList();
    }

    @Override
    public Pool add(Pool pool) {
        em.persist(pool);
        return pool;
    }
}
