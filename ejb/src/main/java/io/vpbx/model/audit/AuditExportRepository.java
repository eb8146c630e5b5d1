package io.vpbx.model.audit;

import java.util.Optional;

/** Export requests. */
public interface AuditExportRepository {
    Optional<AuditExport> findById(long id);

    AuditExport add(AuditExport export);
}
