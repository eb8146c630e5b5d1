package io.vpbx.model.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Call records; every query names the domain. */
public interface CallRecordRepository {
    Optional<CallRecord> findByCallId(long domainId, String callId);

    CallRecord add(CallRecord record);

    /**
     * A domain's calls that started in {@code [from, to)}, newest first.
     *
     * @param results only these results (all when empty)
     * @param search digits or text found in an extension, name or the dialled number (none when
     *     blank)
     */
    List<CallRecord> search(
            long domainId,
            Instant from,
            Instant to,
            List<CallResult> results,
            String search,
            int limit);

    /**
     * Like {@link #search}, only the calls in which one SIP number took part, as the caller or as
     * the callee (an employee's own call history).
     */
    List<CallRecord> searchForNumber(
            long domainId,
            long sipNumberId,
            Instant from,
            Instant to,
            List<CallResult> results,
            String search,
            int limit);
}
