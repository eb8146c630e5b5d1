package io.vpbx.infrastructure.persistence;

import io.vpbx.model.tenancy.AppId;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.RoutingNumber;
import io.vpbx.model.tenancy.SipDomainName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaDomainRepository implements DomainRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<Domain> lock(long id) {
        return Optional.ofNullable(em.find(Domain.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Domain> findById(long id) {
        return Optional.ofNullable(em.find(Domain.class, id));
    }

    @Override
    public Optional<Domain> findInPool(long poolId, long domainId) {
        return em.createQuery(
                        "select d from Domain d where d.id = :id and d.pool.id = :pool",
                        Domain.class)
                .setParameter("id", domainId)
                .setParameter("pool", poolId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Domain> findByName(SipDomainName name) {
        return em.createQuery("select d from Domain d where d.name = :name", Domain.class)
                .setParameter("name", name.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean existsByAppId(AppId appId) {
        return em.createQuery("select count(d) from Domain d where d.appId = :appId", Long.class)
                        .setParameter("appId", appId.value())
                        .getSingleResult()
                > 0;
    }

    @Override
    public Optional<Domain> findByRoutingNumber(long poolId, RoutingNumber number) {
        return em.createQuery(
                        "select d from Domain d where d.pool.id = :pool and d.routingNumber = :rn",
                        Domain.class)
                .setParameter("pool", poolId)
                .setParameter("rn", number.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Domain> listByPool(long poolId) {
        return em.createQuery(
                        "select d from Domain d join fetch d.subgroup where d.pool.id = :pool"
                                + " order by d.name",
                        Domain.class)
                .setParameter("pool", poolId)
                .getResultList();
    }

    @Override
    public List<Domain> listInSubgroup(long subgroupId) {
        return em.createQuery("select d from Domain d where d.subgroup.id = :sg", Domain.class)
                .setParameter("sg", subgroupId)
                .getResultList();
    }

    @Override
    public List<Domain> search(String text, int maxResults) {
        String pattern =
                "%" + escapeLike(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        return em.createQuery(
                        "select d from Domain d left join fetch d.pool left join fetch d.subgroup"
                                + " where lower(d.name) like :p escape '!'"
                                + " or lower(d.displayName) like :p escape '!'"
                                + " order by d.name",
                        Domain.class)
                .setParameter("p", pattern)
                .setMaxResults(maxResults)
                .getResultList();
    }

    @Override
    public long countByPool(long poolId) {
        return em.createQuery("select count(d) from Domain d where d.pool.id = :pool", Long.class)
                .setParameter("pool", poolId)
                .getSingleResult();
    }

    @Override
    public Domain add(Domain domain) {
        em.persist(domain);
        return domain;
    }

    /** Escapes LIKE wildcards so that a search for "50%" finds "50%", with '!' as the escape. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
