package io.vpbx.application.history;

import java.util.Locale;

/**
 * The action history of the caller's scope: the whole platform for the operator, the pool for a
 * pool admin, the domain for a domain admin. There is no method that changes or deletes an entry.
 */
public interface ActionHistoryService {
    /**
     * Entries matching the filter, newest first, older than {@code beforeId} (from the newest when
     * {@code null}), and how many match in all. At most 200 per call.
     */
    HistoryPage history(HistoryFilter filter, Long beforeId, int limit);

    /** Starts an xlsx export of everything the filter matches; returns the export's id. */
    long requestExport(HistoryFilter filter, Locale locale);

    /** The progress of one of the caller's own exports. */
    ExportStatus exportStatus(long exportId);

    /** A finished export of the caller's, to download. */
    ExportFile exportFile(long exportId);
}
