package io.vpbx.model.audit;

/** Where an export job is. */
public enum AuditExportStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    /** Completed, and its file deleted after the retention period. */
    EXPIRED
}
