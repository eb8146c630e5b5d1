package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.history.AuditExportWork;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.model.audit.AuditExport;
import io.vpbx.model.audit.AuditExportRepository;
import io.vpbx.model.audit.AuditQuery;
import io.vpbx.model.audit.AuditRepository;
import io.vpbx.model.shared.NotFound;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * The core's side of the export job. Progress updates commit on their own, so the console's
 * progress bar moves while the job is still writing.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultAuditExportWork implements AuditExportWork {
    @Inject private AuditExportRepository exports;
    @Inject private AuditRepository audit;
    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    @Override
    public ExportJob begin(long exportId, long executionId) {
        AuditExport export = find(exportId);
        export.started(executionId);
        return new ExportJob(
                exportId,
                export.query(),
                export.locale(),
                settings.dataDirectory().resolve("exports").resolve(fileName(exportId)));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<HistoryRow> rows(AuditQuery query, Long beforeId, int limit) {
        return audit.page(query, beforeId, limit).stream()
                .map(DefaultActionHistoryService::row)
                .toList();
    }

    @Override
    public void progressed(long exportId, long rowsWritten) {
        find(exportId).progressed(rowsWritten);
    }

    @Override
    public void completed(long exportId, long rowsWritten) {
        find(exportId).completed(fileName(exportId), rowsWritten, clock.instant());
    }

    @Override
    public void failed(long exportId) {
        find(exportId).failed(clock.instant());
    }

    private AuditExport find(long exportId) {
        return exports.findById(exportId).orElseThrow(() -> new NotFound("export"));
    }

    private static String fileName(long exportId) {
        return "audit-export-" + exportId + ".xlsx";
    }
}
