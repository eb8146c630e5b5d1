package io.vpbx.infrastructure.persistence;

import io.vpbx.model.audit.AuditExport;
import io.vpbx.model.audit.AuditExportRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaAuditExportRepository implements AuditExportRepository {
    @PersistenceContext private EntityManager em;

    @Override
    public Optional<AuditExport> findById(long id) {
        return Optional.ofNullable(em.find(AuditExport.class, id));
    }

    @Override
    public AuditExport add(AuditExport export) {
        em.persist(export);
        return export;
    }
}
