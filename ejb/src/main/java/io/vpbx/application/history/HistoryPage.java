package io.vpbx.application.history;

import java.util.List;

/**
 * A slice of the history and the total the filter matches ("loaded N of M").
 *
 * @param upToId the newest entry the selection covers; pass it back (in the filter) for the next
 *     pages
 */
public record HistoryPage(List<HistoryRow> rows, long total, Long upToId) {
    /** The id to continue after, or {@code null} when this page is empty. */
    public Long lastId() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
    }
}
