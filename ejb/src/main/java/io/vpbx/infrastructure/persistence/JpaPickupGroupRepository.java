package io.vpbx.infrastructure.persistence;

import io.vpbx.model.tenancy.PickupGroup;
import io.vpbx.model.tenancy.PickupGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPickupGroupRepository implements PickupGroupRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<PickupGroup> findInDomain(long domainId, long groupId) {
        return em.createQuery(
                        "select g from PickupGroup g where g.id = :id and g.domainId = :domain",
                        PickupGroup.class)
                .setParameter("id", groupId)
                .setParameter("domain", domainId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<PickupGroup> findByName(long domainId, String name) {
        return em.createQuery(
                        "select g from PickupGroup g where g.domainId = :domain"
                                + " and lower(g.name) = lower(:name)",
                        PickupGroup.class)
                .setParameter("domain", domainId)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<PickupGroup> listByDomain(long domainId) {
        return em.createQuery(
                        "select g from PickupGroup g where g.domainId = :domain order by g.name, g.id",
                        PickupGroup.class)
                .setParameter("domain", domainId)
                .getResultList();
    }

    @Override
    public PickupGroup add(PickupGroup group) {
        em.persist(group);
        return group;
    }

    @Override
    public void remove(PickupGroup group) {
        em.createQuery(
                        "update DomainUser u set u.pickupGroupId = null, u.version = u.version + 1"
                                + " where u.domainId = :domain and u.pickupGroupId = :group")
                .setParameter("domain", group.domainId())
                .setParameter("group", group.id())
                .executeUpdate();
        em.remove(group);
    }
}
