package io.vpbx.model.audit;

import java.util.List;

/** The action history. There is deliberately no update and no delete. */
public interface AuditRepository {
    void append(AuditEntry entry);

    long count(AuditQuery query);

    /**
     * Up to {@code limit} entries matching the query, newest first, older than {@code beforeId} (or
     * from the newest when it is {@code null}). Keyset paging: stable while new entries arrive.
     */
    List<AuditEntry> page(AuditQuery query, Long beforeId, int limit);

    /** The id of the newest entry in the scope, or {@code null} when the history is empty. */
    Long newestId(AuditScope scope);
}
