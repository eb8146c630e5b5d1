package io.vpbx.infrastructure.persistence;

import io.vpbx.model.shared.Login;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.DomainUserRole;
import io.vpbx.model.tenancy.Extension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaDomainUserRepository implements DomainUserRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<DomainUser> findInDomain(long domainId, long userId) {
        return em.createQuery(
                        "select u from DomainUser u where u.id = :id and u.domainId = :domain",
                        DomainUser.class)
                .setParameter("id", userId)
                .setParameter("domain", domainId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<DomainUser> findByExtension(long domainId, Extension extension) {
        return em.createQuery(
                        "select u from DomainUser u where u.domainId = :domain"
                                + " and u.extension = :extension",
                        DomainUser.class)
                .setParameter("domain", domainId)
                .setParameter("extension", extension.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<DomainUser> findByLogin(long domainId, Login login) {
        return em.createQuery(
                        "select u from DomainUser u where u.domainId = :domain and u.login = :login",
                        DomainUser.class)
                .setParameter("domain", domainId)
                .setParameter("login", login.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<DomainUser> listInDomain(long domainId) {
        return em.createQuery(
                        "select u from DomainUser u where u.domainId = :domain order by u.id",
                        DomainUser.class)
                .setParameter("domain", domainId)
                .getResultList();
    }

    @Override
    public List<DomainUser> listAdmins(long domainId) {
        return em.createQuery(
                        "select u from DomainUser u where u.domainId = :domain and u.role = :role"
                                + " order by u.login",
                        DomainUser.class)
                .setParameter("domain", domainId)
                .setParameter("role", DomainUserRole.ADMIN)
                .getResultList();
    }

    @Override
    public long countByDomain(long domainId) {
        return em.createQuery(
                        "select count(u) from DomainUser u where u.domainId = :domain", Long.class)
                .setParameter("domain", domainId)
                .getSingleResult();
    }

    @Override
    public Map<Long, Long> countByDomains(Collection<Long> domainIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (domainIds.isEmpty()) {
            return counts;
        }
        em.createQuery(
                        "select u.domainId, count(u) from DomainUser u where u.domainId in :ids"
                                + " group by u.domainId",
                        Object[].class)
                .setParameter("ids", domainIds)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public DomainUser add(DomainUser user) {
        em.persist(user);
        return user;
    }

    @Override
    public List<DomainUser> search(
            long domainId, String search, SortKey sort, boolean ascending, int first, int max) {
        return withSearch(
                        em.createQuery(
                                "select u from DomainUser u where u.domainId = :domain"
                                        + matching(search)
                                        + " order by "
                                        + order(sort, ascending)
                                        + ", u.id",
                                DomainUser.class),
                        domainId,
                        search)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    private static String order(SortKey sort, boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        return switch (sort) {
            // Shorter extensions first: 99 comes before 100, as people dial them.
            case EXTENSION -> "length(u.extension)" + direction + ", u.extension" + direction;
            case NAME -> "u.displayName" + direction;
            case LOGIN -> "u.login" + direction;
            case JOB_TITLE -> "u.jobTitle" + direction;
            case EMAIL -> "u.email" + direction;
        };
    }

    @Override
    public List<DomainUser> searchInTreeOrder(
            long domainId,
            String search,
            Collection<Long> hiddenGroups,
            boolean hideUngrouped,
            SortKey sort,
            boolean ascending,
            int first,
            int max) {
        StringBuilder where = new StringBuilder(matching(search));
        if (!hiddenGroups.isEmpty()) {
            where.append(" and (u.pickupGroupId is null or u.pickupGroupId not in :hidden)");
        }
        if (hideUngrouped) {
            where.append(" and u.pickupGroupId is not null");
        }
        // The groups in the order of JpaPickupGroupRepository.listByDomain (name, then id), the
        // users in no group last.
        TypedQuery<DomainUser> query =
                withSearch(
                        em.createQuery(
                                "select u from DomainUser u"
                                        + " left join PickupGroup g on g.id = u.pickupGroupId"
                                        + " where u.domainId = :domain"
                                        + where
                                        + " order by case when g.id is null then 1 else 0 end,"
                                        + " g.name, g.id, "
                                        + order(sort, ascending)
                                        + ", u.id",
                                DomainUser.class),
                        domainId,
                        search);
        if (!hiddenGroups.isEmpty()) {
            query.setParameter("hidden", hiddenGroups);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public Map<Long, Long> countMatchingByPickupGroup(long domainId, String search) {
        Map<Long, Long> counts = new HashMap<>();
        withSearch(
                        em.createQuery(
                                "select u.pickupGroupId, count(u) from DomainUser u"
                                        + " where u.domainId = :domain"
                                        + " and u.pickupGroupId is not null"
                                        + matching(search)
                                        + " group by u.pickupGroupId",
                                Object[].class),
                        domainId,
                        search)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public List<DomainUser> listInPickupGroup(long domainId, long groupId) {
        return em.createQuery(
                        "select u from DomainUser u where u.domainId = :domain"
                                + " and u.pickupGroupId = :group order by u.id",
                        DomainUser.class)
                .setParameter("domain", domainId)
                .setParameter("group", groupId)
                .getResultList();
    }

    @Override
    public long countMatching(long domainId, String search) {
        return withSearch(
                        em.createQuery(
                                "select count(u) from DomainUser u where u.domainId = :domain"
                                        + matching(search),
                                Long.class),
                        domainId,
                        search)
                .getSingleResult();
    }

    private static String matching(String search) {
        return search == null || search.isBlank()
                ? ""
                : " and (lower(u.displayName) like :pattern escape '!'"
                        + " or lower(u.login) like :pattern escape '!'"
                        + " or u.extension like :pattern escape '!')";
    }

    private static <T> TypedQuery<T> withSearch(TypedQuery<T> query, long domainId, String search) {
        query.setParameter("domain", domainId);
        if (search != null && !search.isBlank()) {
            String escaped =
                    search.strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("!", "!!")
                            .replace("%", "!%")
                            .replace("_", "!_");
            query.setParameter("pattern", "%" + escaped + "%");
        }
        return query;
    }

    @Override
    public List<String> extensionsInDomain(long domainId) {
        return em.createQuery(
                        "select u.extension from DomainUser u where u.domainId = :domain"
                                + " and u.extension is not null",
                        String.class)
                .setParameter("domain", domainId)
                .getResultList();
    }

    @Override
    public void remove(DomainUser user) {
        em.remove(user);
    }
}
