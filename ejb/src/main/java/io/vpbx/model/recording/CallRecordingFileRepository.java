package io.vpbx.model.recording;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Recording metadata. Every lookup for the consoles names the domain; only the retention job looks
 * across domains.
 */
public interface CallRecordingFileRepository {
    CallRecordingFile add(CallRecordingFile recording);

    Optional<CallRecordingFile> findInDomain(long domainId, long id);

    Optional<CallRecordingFile> findByCallId(long domainId, String callId);

    /** The domain's recordings of these calls (absent calls have none). */
    List<CallRecordingFile> findByCallIds(long domainId, Collection<String> callIds);

    /** The next page of a domain's recordings by id, after {@code afterId}. */
    List<CallRecordingFile> listInDomain(long domainId, long afterId, int limit);

    /** Recordings of any domain expired at {@code now}, by id, after {@code afterId}. */
    List<CallRecordingFile> listExpired(Instant now, long afterId, int limit);

    void remove(CallRecordingFile recording);
}
