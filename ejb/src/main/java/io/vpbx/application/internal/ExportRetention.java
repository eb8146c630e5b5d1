package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.model.audit.AuditExport;
import io.vpbx.model.audit.AuditExportRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Deletes the files of history exports a week after they were made and marks the exports expired,
 * so the data directory does not fill up with copies of the action history. The history itself is
 * never deleted; a new export can be made at any time. Harmless on several nodes: a file already
 * gone is simply not there to delete.
 */
@Singleton
@LocalBean
@PermitAll
public class ExportRetention {
    /** How long a finished export file stays downloadable. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(ExportRetention.class.getName());
    private static final int BATCH = 500;

    @Inject private AuditExportRepository exports;
    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    @Schedule(hour = "*", minute = "41", persistent = false)
    void hourly() {
        deleteExpiredFiles();
    }

    /** Deletes the files of exports older than {@link #RETENTION}; returns how many. */
    public int deleteExpiredFiles() {
        List<AuditExport> old =
                exports.listCompletedBefore(clock.instant().minus(RETENTION), BATCH);
        Path directory = settings.dataDirectory().resolve("exports");
        for (AuditExport export : old) {
            try {
                Files.deleteIfExists(directory.resolve(export.fileName()));
            } catch (IOException e) {
                LOG.warning(() -> "Cannot delete export file " + export.fileName() + ": " + e);
                continue;
            }
            export.expired();
        }
        if (!old.isEmpty()) {
            LOG.info(() -> "Deleted " + old.size() + " history export files older than a week");
        }
        return old.size();
    }
}
