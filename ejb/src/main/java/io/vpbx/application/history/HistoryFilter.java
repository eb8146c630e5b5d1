package io.vpbx.application.history;

import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditObjectType;
import java.time.Instant;

/**
 * The history page's filter; the scope is never part of it, it comes from the caller.
 *
 * @param upToId the newest entry of the first page, so that later pages and exports cover the same
 *     selection; {@code null} on the first load
 */
public record HistoryFilter(
        Instant from,
        Instant to,
        String actorText,
        String objectText,
        AuditObjectType objectType,
        AuditAction action,
        Long upToId) {
    public static final HistoryFilter NONE =
            new HistoryFilter(null, null, null, null, null, null, null);

    /** The same filter, frozen at the given newest entry. */
    public HistoryFilter upTo(Long newestId) {
        return new HistoryFilter(from, to, actorText, objectText, objectType, action, newestId);
    }
}
