package io.vpbx.application.internal;

/**
 * An export was requested; the job starts once the request has committed and the job can read it.
 */
record AuditExportRequested(long exportId) {}
