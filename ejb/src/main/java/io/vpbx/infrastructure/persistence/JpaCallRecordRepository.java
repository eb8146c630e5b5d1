package io.vpbx.infrastructure.persistence;

import io.vpbx.model.calls.CallRecord;
import io.vpbx.model.calls.CallRecordRepository;
import io.vpbx.model.calls.CallResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaCallRecordRepository implements CallRecordRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<CallRecord> findByCallId(long domainId, String callId) {
        return em.createQuery(
                        "select r from CallRecord r where r.domainId = :domain and r.callId = :id",
                        CallRecord.class)
                .setParameter("domain", domainId)
                .setParameter("id", callId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public CallRecord add(CallRecord record) {
        em.persist(record);
        return record;
    }

    @Override
    public List<CallRecord> search(
            long domainId,
            Instant from,
            Instant to,
            List<CallResult> results,
            String search,
            int limit) {
        return search(domainId, null, from, to, results, search, limit);
    }

    @Override
    public List<CallRecord> searchForNumber(
            long domainId,
            long sipNumberId,
            Instant from,
            Instant to,
            List<CallResult> results,
            String search,
            int limit) {
        return search(domainId, sipNumberId, from, to, results, search, limit);
    }

    private List<CallRecord> search(
            long domainId,
            Long sipNumberId,
            Instant from,
            Instant to,
            List<CallResult> results,
            String search,
            int limit) {
        StringBuilder jpql =
                new StringBuilder(
                        "select r from CallRecord r where r.domainId = :domain"
                                + " and r.startedAt >= :from and r.startedAt < :to");
        if (sipNumberId != null) {
            jpql.append(" and (r.callerNumberId = :number or r.calleeNumberId = :number)");
        }
        if (!results.isEmpty()) {
            jpql.append(" and r.result in :results");
        }
        boolean searching = search != null && !search.isBlank();
        if (searching) {
            jpql.append(
                    " and (lower(r.callerExtension) like :text or lower(r.callerName) like :text"
                            + " or lower(r.calleeExtension) like :text"
                            + " or lower(r.calleeName) like :text or lower(r.dialled) like :text)");
        }
        jpql.append(" order by r.startedAt desc, r.id desc");
        TypedQuery<CallRecord> query =
                em.createQuery(jpql.toString(), CallRecord.class)
                        .setParameter("domain", domainId)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .setMaxResults(limit);
        if (sipNumberId != null) {
            query.setParameter("number", sipNumberId);
        }
        if (!results.isEmpty()) {
            query.setParameter("results", results);
        }
        if (searching) {
            // Typed % and _ act as wildcards: at worst the search finds more, never less.
            query.setParameter("text", "%" + search.trim().toLowerCase(Locale.ROOT) + "%");
        }
        return query.getResultList();
    }
}
