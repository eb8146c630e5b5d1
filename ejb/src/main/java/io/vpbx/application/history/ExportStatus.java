package io.vpbx.application.history;

import io.vpbx.model.audit.AuditExportStatus;

/** The state of an export, for the progress bar and the download link. */
public record ExportStatus(
        long id, AuditExportStatus status, int percent, long writtenRows, long totalRows) {
    public boolean isDownloadable() {
        return status == AuditExportStatus.COMPLETED;
    }

    public boolean isFinished() {
        return status != AuditExportStatus.QUEUED && status != AuditExportStatus.RUNNING;
    }
}
