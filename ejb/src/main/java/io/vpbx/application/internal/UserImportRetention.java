package io.vpbx.application.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Deletes the files of user imports a week after they were last written (see {@link
 * UserImportStore}), so the data directory does not keep every uploaded staff list and its sealed
 * passwords for ever. The users the imports created, and the action-history entries about them, are
 * never touched. Harmless on several nodes: a file already gone is simply not there to delete.
 */
@Singleton
@LocalBean
@PermitAll
public class UserImportRetention {
    /** How long an import's report and «Продолжить импорт» stay available after its last write. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(UserImportRetention.class.getName());

    @Inject private UserImportStore store;
    @Inject private Clock clock;

    @Schedule(hour = "*", minute = "43", persistent = false)
    void hourly() {
        try {
            List<Long> deleted = store.deleteUntouchedSince(clock.instant().minus(RETENTION));
            if (!deleted.isEmpty()) {
                LOG.info(() -> "Deleted the files of user imports " + deleted);
            }
        } catch (IOException e) {
            LOG.warning(() -> "Cannot delete old user-import files: " + e);
        }
    }
}
