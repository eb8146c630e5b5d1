package io.vpbx.application.internal;

import io.vpbx.application.JobLauncherPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the export job after the request's transaction commits. Starting it inside the transaction
 * would let the job look for an export row that is not yet visible to it.
 */
@ApplicationScoped
class AuditExportStarter {
    private static final Logger LOG = Logger.getLogger(AuditExportStarter.class.getName());

    @Inject private JobLauncherPort jobs;

    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditExportRequested requested) {
        long execution = jobs.startAuditExport(requested.exportId());
        LOG.log(
                Level.INFO,
                "Audit export {0} started as job execution {1}",
                new Object[] {requested.exportId(), execution});
    }
}
