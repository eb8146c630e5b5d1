package io.vpbx.application.recording;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The SIP layer's questions about recording a call, and its report of the finished file. Called by
 * the SIP threads' workers, with no logged-in user: the implementation is a {@code @Stateless} bean
 * without {@code @RolesAllowed}.
 */
public interface CallRecordingPolicy {
    /**
     * Whether a call between these two SIP numbers of the domain is recorded: either party's user
     * has "record calls" on, or the domain records all calls by default.
     */
    boolean shouldRecord(long domainId, long callerSipNumberId, long calleeSipNumberId);

    /**
     * A fresh local file (not yet existing, parent dirs created) where the engine writes the WAV of
     * this call.
     */
    Path spoolFile(long domainId, String callId);

    /**
     * The call ended: moves the finished WAV into the RecordingStore, writes the metadata row
     * (domain, call id, size, duration, created, expires by the domain's retention), deletes the
     * spool file. Never throws for a missing/empty file: logs and returns.
     */
    void recordingFinished(long domainId, String callId, Path wav, Duration length);
}
