package io.vpbx.infrastructure.persistence;

import io.vpbx.model.audit.AuditEntry;
import io.vpbx.model.audit.AuditQuery;
import io.vpbx.model.audit.AuditRepository;
import io.vpbx.model.audit.AuditScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The action history. Queries always carry the scope first (pool or domain) and read newest first
 * by id, which the composite indexes {@code (pool_id, id)} and {@code (domain_id, id)} serve.
 */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {
    @Inject private EntityManager em;

    @Override
    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public long count(AuditQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        TypedQuery<Long> q =
                em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    @Override
    public List<AuditEntry> page(AuditQuery query, Long beforeId, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        if (beforeId != null) {
            where += " and a.id < :before";
            params.put("before", beforeId);
        }
        TypedQuery<AuditEntry> q =
                em.createQuery(
                        "select a from AuditEntry a" + where + " order by a.id desc",
                        AuditEntry.class);
        params.forEach(q::setParameter);
        return q.setMaxResults(Math.max(1, limit)).getResultList();
    }

    @Override
    public Long newestId(AuditScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(AuditQuery.all(scope), params);
        TypedQuery<Long> q =
                em.createQuery("select max(a.id) from AuditEntry a" + where, Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    private static String where(AuditQuery query, Map<String, Object> params) {
        StringBuilder jpql = new StringBuilder(" where 1 = 1");
        if (query.scope().poolId() != null) {
            jpql.append(" and a.poolId = :pool");
            params.put("pool", query.scope().poolId());
        }
        if (query.scope().domainId() != null) {
            jpql.append(" and a.domainId = :domain");
            params.put("domain", query.scope().domainId());
        }
        if (query.upToId() != null) {
            jpql.append(" and a.id <= :upTo");
            params.put("upTo", query.upToId());
        }
        if (query.from() != null) {
            jpql.append(" and a.occurredAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            jpql.append(" and a.occurredAt <= :to");
            params.put("to", query.to());
        }
        if (query.actorText() != null) {
            jpql.append(
                    " and (lower(a.actorLogin) like :actor escape '!'"
                            + " or lower(a.actorName) like :actor escape '!')");
            params.put("actor", contains(query.actorText()));
        }
        if (query.objectText() != null) {
            jpql.append(" and lower(a.objectName) like :object escape '!'");
            params.put("object", contains(query.objectText()));
        }
        if (query.objectType() != null) {
            jpql.append(" and a.objectType = :type");
            params.put("type", query.objectType());
        }
        if (query.action() != null) {
            jpql.append(" and a.action = :action");
            params.put("action", query.action());
        }
        return jpql.toString();
    }

    private static String contains(String text) {
        return "%" + JpaDomainRepository.escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
    }
}
