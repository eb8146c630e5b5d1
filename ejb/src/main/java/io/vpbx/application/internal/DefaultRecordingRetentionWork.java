package io.vpbx.application.internal;

import io.vpbx.application.recording.RecordingRetentionWork;
import io.vpbx.application.recording.RecordingStore;
import io.vpbx.model.recording.CallRecordingFile;
import io.vpbx.model.recording.CallRecordingFileRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The core's side of the retention job. The audio goes first, then the row: if the transaction then
 * fails, the row is still there and the next run deletes it (its audio simply is not there any
 * more); the other order could leave audio that nothing points to.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultRecordingRetentionWork implements RecordingRetentionWork {
    private static final Logger LOG =
            Logger.getLogger(DefaultRecordingRetentionWork.class.getName());

    @Inject private CallRecordingFileRepository recordings;
    @Inject private RecordingStore store;

    @Override
    public Page deleteExpired(Instant now, long afterId, int limit) {
        List<CallRecordingFile> expired = recordings.listExpired(now, afterId, limit);
        List<Deleted> deleted = new ArrayList<>(expired.size());
        int kept = 0;
        long last = afterId;
        for (CallRecordingFile r : expired) {
            last = r.id();
            try {
                store.delete(r.storageKey());
            } catch (IOException | IllegalArgumentException e) {
                kept++;
                LOG.warning(
                        () ->
                                "Cannot delete recording "
                                        + r.id()
                                        + " ("
                                        + r.storageKey()
                                        + "); kept for the next run: "
                                        + e);
                continue;
            }
            recordings.remove(r);
            deleted.add(new Deleted(r.id(), r.domainId(), r.sizeBytes()));
        }
        return new Page(deleted, kept, last, expired.size() < limit);
    }
}
