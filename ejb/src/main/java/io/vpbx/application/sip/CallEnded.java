package io.vpbx.application.sip;

import io.vpbx.model.calls.CallEndReason;
import io.vpbx.model.calls.CallResult;
import java.time.Instant;

/**
 * What the SIP layer reports when a call ends, answered or not; it becomes the call's record.
 *
 * @param callee null when the dialled number matched nobody
 * @param calleeCallId the Call-ID of the leg that answered, if one did
 * @param sipStatus the final status the caller got (200 for an answered call)
 * @param endReason who or what ended an answered call; null for one never answered
 */
public record CallEnded(
        long domainId,
        String callId,
        String calleeCallId,
        CallRouting.Party caller,
        CallRouting.Party callee,
        String dialled,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        CallResult result,
        int sipStatus,
        CallEndReason endReason) {}
