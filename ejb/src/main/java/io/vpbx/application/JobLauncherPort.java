package io.vpbx.application;

/** Starts batch jobs; implemented by the batch module. */
public interface JobLauncherPort {
    /** Starts the xlsx export of an action-history selection; returns the job execution id. */
    long startAuditExport(long exportId);
}
