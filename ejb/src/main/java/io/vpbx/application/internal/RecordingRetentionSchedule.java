package io.vpbx.application.internal;

import io.vpbx.application.JobLauncherPort;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Starts the {@code recording-retention} job every night, when few calls are made. On several nodes
 * each starts its own run; that is harmless, as a recording already deleted is simply not found by
 * the other.
 */
@Singleton
@LocalBean
@PermitAll
public class RecordingRetentionSchedule {
    private static final Logger LOG = Logger.getLogger(RecordingRetentionSchedule.class.getName());

    @Inject private JobLauncherPort jobs;

    @Schedule(hour = "3", minute = "17", persistent = false)
    void nightly() {
        long execution = jobs.startRecordingRetention(null);
        LOG.info(() -> "Recording retention started as job execution " + execution);
    }
}
