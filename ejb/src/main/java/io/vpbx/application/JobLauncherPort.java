package io.vpbx.application;

/** Starts batch jobs; implemented by the batch module. */
public interface JobLauncherPort {
    /** Starts the xlsx export of an action-history selection; returns the job execution id. */
    long startAuditExport(long exportId);

    /**
     * Starts the deletion of expired call recordings; returns the job execution id.
     *
     * @param now the moment expiry is judged at; {@code null} for the job's own clock
     */
    long startRecordingRetention(java.time.Instant now);

    /** Starts creating the ready rows of a stored user import; returns the job execution id. */
    long startUserImport(long importId);

    /**
     * Restarts a stopped or failed execution of this module's jobs from its last checkpoint, with
     * its original parameters; returns the new execution id.
     */
    long restartJob(long executionId);

    /**
     * Whether a job execution of this module has ended, and how: its batch status name ({@code
     * COMPLETED}, {@code FAILED}, …), asked here because only this module's job operator knows its
     * executions.
     */
    String jobStatus(long executionId);
}
