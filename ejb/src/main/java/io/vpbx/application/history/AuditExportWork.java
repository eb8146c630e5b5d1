package io.vpbx.application.history;

import io.vpbx.model.audit.AuditQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the export batch job needs from the core: the stored selection, its rows page by page, and a
 * place to report progress. Called by the job only, on behalf of a request that {@link
 * ActionHistoryService} already authorised.
 */
public interface AuditExportWork {
    /** The job's view of one export request. */
    record ExportJob(long exportId, AuditQuery query, Locale locale, Path target) {}

    ExportJob begin(long exportId, long executionId);

    /**
     * The next rows of the selection, newest first, older than {@code beforeId} when it is given.
     */
    List<HistoryRow> rows(AuditQuery query, Long beforeId, int limit);

    void progressed(long exportId, long rowsWritten);

    void completed(long exportId, long rowsWritten);

    void failed(long exportId);
}
