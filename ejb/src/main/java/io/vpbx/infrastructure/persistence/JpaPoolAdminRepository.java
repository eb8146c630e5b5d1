package io.vpbx.infrastructure.persistence;

import io.vpbx.model.shared.Login;
import io.vpbx.model.tenancy.PoolAdmin;
import io.vpbx.model.tenancy.PoolAdminRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPoolAdminRepository implements PoolAdminRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<PoolAdmin> findById(long id) {
        return Optional.ofNullable(em.find(PoolAdmin.class, id));
    }

    @Override
    public Optional<PoolAdmin> findInPool(long poolId, long adminId) {
        return em.createQuery(
                        "select a from PoolAdmin a where a.id = :id and a.pool.id = :pool",
                        PoolAdmin.class)
                .setParameter("id", adminId)
                .setParameter("pool", poolId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<PoolAdmin> findByLogin(Login login) {
        return em.createQuery("select a from PoolAdmin a where a.login = :login", PoolAdmin.class)
                .setParameter("login", login.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<PoolAdmin> listByPool(long poolId) {
        return em.createQuery(
                        "select a from PoolAdmin a where a.pool.id = :pool order by a.login",
                        PoolAdmin.class)
                .setParameter("pool", poolId)
                .getResultList();
    }

    @Override
    public List<PoolAdmin> listGrantedSubgroup(long subgroupId) {
        return em.createQuery(
                        "select a from PoolAdmin a join a.allowedSubgroups s where s.id = :sg",
                        PoolAdmin.class)
                .setParameter("sg", subgroupId)
                .getResultList();
    }

    @Override
    public PoolAdmin add(PoolAdmin admin) {
        em.persist(admin);
        return admin;
    }

    @Override
    public void remove(PoolAdmin admin) {
        em.remove(admin);
    }
}
