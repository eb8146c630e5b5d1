package io.vpbx.batch.recordingretention;

import io.vpbx.application.recording.RecordingRetentionWork;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Deletes expired recordings a page at a time; each page commits on its own. Restartable by nature:
 * a restart finds only what is still expired and not yet deleted. The summary (count and bytes, in
 * all and per domain) is logged and left as the step's exit status.
 */
@Named("RecordingRetentionBatchlet")
@Dependent
public class RecordingRetentionBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(RecordingRetentionBatchlet.class.getName());

    @Inject
    @BatchProperty(name = "now")
    private String now;

    @Inject
    @BatchProperty(name = "pageSize")
    private String pageSize;

    @Inject private StepContext stepContext;
    @Inject private JobContext jobContext;
    @Inject private RecordingRetentionWork work;
    @Inject private Clock clock;

    private volatile boolean stopRequested;

    /** Count and bytes deleted in one domain. */
    static final class Tally {
        long count;
        long bytes;
    }

    @Override
    public String process() {
        Instant at = now == null || now.isBlank() ? clock.instant() : Instant.parse(now.strip());
        int limit = pageSize == null || pageSize.isBlank() ? 500 : Integer.parseInt(pageSize);
        Map<Long, Tally> perDomain = new TreeMap<>();
        long after = 0;
        int kept = 0;
        RecordingRetentionWork.Page page;
        do {
            page = work.deleteExpired(at, after, limit);
            for (RecordingRetentionWork.Deleted d : page.deleted()) {
                Tally t = perDomain.computeIfAbsent(d.domainId(), id -> new Tally());
                t.count++;
                t.bytes += d.sizeBytes();
            }
            kept += page.kept();
            after = page.lastId();
        } while (!page.last() && !stopRequested);
        String summary = summary(at, perDomain, kept);
        LOG.info(summary);
        // The job repository keeps exit statuses in a bounded column; the log has the whole list.
        String status = summary.length() > 500 ? summary.substring(0, 497) + "..." : summary;
        stepContext.setExitStatus(status);
        jobContext.setExitStatus(status);
        return stopRequested ? BatchStatus.STOPPED.name() : BatchStatus.COMPLETED.name();
    }

    static String summary(Instant at, Map<Long, Tally> perDomain, int kept) {
        long count = perDomain.values().stream().mapToLong(t -> t.count).sum();
        long bytes = perDomain.values().stream().mapToLong(t -> t.bytes).sum();
        StringBuilder s =
                new StringBuilder("Recording retention at ")
                        .append(at)
                        .append(": deleted ")
                        .append(count)
                        .append(" recordings, ")
                        .append(bytes)
                        .append(" bytes");
        perDomain.forEach(
                (domain, t) ->
                        s.append("; domain ")
                                .append(domain)
                                .append(": ")
                                .append(t.count)
                                .append(" (")
                                .append(t.bytes)
                                .append(" bytes)"));
        if (kept > 0) {
            s.append("; ").append(kept).append(" could not be deleted, kept for the next run");
        }
        return s.toString();
    }

    @Override
    public void stop() {
        stopRequested = true;
    }
}
