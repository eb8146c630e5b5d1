package io.vpbx.batch;

import io.vpbx.application.JobLauncherPort;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.Properties;

/**
 * Starts this module's jobs for the core. An EJB on purpose: the call switches the thread's context
 * class loader to this module, which is where JBeret finds the job XMLs.
 */
@Stateless
@Local(JobLauncherPort.class)
@PermitAll
public class BatchJobLauncher implements JobLauncherPort {
    @Override
    public long startAuditExport(long exportId) {
        Properties parameters = new Properties();
        parameters.setProperty("exportId", Long.toString(exportId));
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.start("audit-export", parameters);
    }

    @Override
    public long startRecordingRetention(Instant now) {
        Properties parameters = new Properties();
        if (now != null) {
            parameters.setProperty("now", now.toString());
        }
        return BatchRuntime.getJobOperator().start("recording-retention", parameters);
    }

    @Override
    public long startUserImport(long importId) {
        Properties parameters = new Properties();
        parameters.setProperty("importId", Long.toString(importId));
        // The rows are split among this many partitions, one thread each, so that the slow password
        // hashes use every core. A job parameter, so that a restart splits them the same way.
        parameters.setProperty(
                "partitions", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return BatchRuntime.getJobOperator().start("user-import", parameters);
    }

    @Override
    public long restartJob(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        return operator.restart(executionId, operator.getParameters(executionId));
    }

    @Override
    public String jobStatus(long executionId) {
        return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus().name();
    }
}
