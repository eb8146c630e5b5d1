package io.vpbx.infrastructure.persistence;

import io.vpbx.model.audit.AuditExport;
import io.vpbx.model.audit.AuditExportRepository;
import io.vpbx.model.audit.AuditExportStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAuditExportRepository implements AuditExportRepository {
    @Inject private EntityManager em;

    @Override
    public Optional<AuditExport> findById(long id) {
        return Optional.ofNullable(em.find(AuditExport.class, id));
    }

    @Override
    public AuditExport add(AuditExport export) {
        em.persist(export);
        return export;
    }

    @Override
    public List<AuditExport> listCompletedBefore(Instant cutoff, int limit) {
        return em.createQuery(
                        "select e from AuditExport e where e.status = :completed"
                                + " and e.finishedAt < :cutoff order by e.finishedAt",
                        AuditExport.class)
                .setParameter("completed", AuditExportStatus.COMPLETED)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }
}
