package io.vpbx.infrastructure.persistence;

import io.vpbx.model.tenancy.DomainSubgroup;
import io.vpbx.model.tenancy.DomainSubgroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDomainSubgroupRepository implements DomainSubgroupRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<DomainSubgroup> findInPool(long poolId, long subgroupId) {
        return em.createQuery(
                        "select s from DomainSubgroup s where s.id = :id and s.pool.id = :pool",
                        DomainSubgroup.class)
                .setParameter("id", subgroupId)
                .setParameter("pool", poolId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<DomainSubgroup> findByName(long poolId, String name) {
        return em.createQuery(
                        "select s from DomainSubgroup s where s.pool.id = :pool"
                                + " and lower(s.name) = lower(:name)",
                        DomainSubgroup.class)
                .setParameter("pool", poolId)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public DomainSubgroup noGroupOf(long poolId) {
        return em.createQuery(
                        "select s from DomainSubgroup s where s.pool.id = :pool and s.system = true",
                        DomainSubgroup.class)
                .setParameter("pool", poolId)
                .getSingleResult();
    }

    @Override
    public List<DomainSubgroup> listByPool(long poolId) {
        return em.createQuery(
                        "select s from DomainSubgroup s where s.pool.id = :pool order by s.name",
                        DomainSubgroup.class)
                .setParameter("pool", poolId)
                .getResultList();
    }

    @Override
    public DomainSubgroup add(DomainSubgroup subgroup) {
        em.persist(subgroup);
        return subgroup;
    }

    @Override
    public void remove(DomainSubgroup subgroup) {
        em.remove(subgroup);
    }
}
