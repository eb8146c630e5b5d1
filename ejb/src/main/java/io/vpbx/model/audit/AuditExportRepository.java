package io.vpbx.model.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Export requests. */
public interface AuditExportRepository {
    Optional<AuditExport> findById(long id);

    AuditExport add(AuditExport export);

    /**
     * Completed exports that finished before the given time, oldest first, at most {@code limit}.
     */
    List<AuditExport> listCompletedBefore(Instant cutoff, int limit);
}
