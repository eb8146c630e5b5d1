package io.vpbx.application.recording;

import java.time.Instant;
import java.util.List;

/**
 * What the {@code recording-retention} batch job needs from the core: delete one page of expired
 * recordings (the audio first, then the row) and say what went. Each page is its own transaction,
 * so a stopped or failed job keeps what it deleted and a restart simply goes on.
 */
public interface RecordingRetentionWork {
    /** One deleted recording. */
    record Deleted(long recordingId, long domainId, long sizeBytes) {}

    /**
     * One page of what was deleted, and where the next page starts. A recording whose audio could
     * not be deleted stays (and is logged); the next run tries again.
     */
    record Page(List<Deleted> deleted, int kept, long lastId, boolean last) {}

    /**
     * Deletes up to {@code limit} recordings expired at {@code now}, with ids after {@code
     * afterId}.
     */
    Page deleteExpired(Instant now, long afterId, int limit);
}
