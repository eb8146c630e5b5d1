package io.vpbx.application.calls;

import io.vpbx.model.calls.CallResult;
import java.time.Instant;

/**
 * One call of the history, as the page shows it.
 *
 * @param recordingId the call's recording, {@code null} when it was not recorded (or the recording
 *     has expired)
 */
public record CallHistoryRow(
        long id,
        Instant startedAt,
        String callerExtension,
        String callerName,
        String calleeExtension,
        String calleeName,
        String dialled,
        CallResult result,
        int sipStatus,
        io.vpbx.model.calls.CallEndReason endReason,
        int ringSeconds,
        int talkSeconds,
        Long recordingId) {

    public boolean hasRecording() {
        return recordingId != null;
    }
}
