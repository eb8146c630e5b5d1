package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallHistoryService;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.model.calls.CallRecord;
import io.vpbx.model.calls.CallRecordRepository;
import io.vpbx.model.recording.CallRecordingFileRepository;
import io.vpbx.model.shared.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The call history's one query, for the domain console (every call of the domain) and for an
 * employee's cabinet (the calls of their own SIP number): the period in the display time zone, the
 * type, the search, and each call's recording if it has one.
 */
@ApplicationScoped
class CallHistoryQuery {
    @Inject private CallRecordRepository records;
    @Inject private CallRecordingFileRepository recordings;
    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    /**
     * At most {@link CallHistoryService#MAX_ROWS} + 1 calls of the domain, newest first.
     *
     * @param sipNumberId only the calls this number made or took; {@code null} for all
     */
    List<CallHistoryRow> history(
            long domainId, Long sipNumberId, CallPeriod period, CallType type, String search) {
        Instant now = clock.instant();
        ZoneId zone = settings.displayZone();
        CallPeriod p = Objects.requireNonNullElse(period, CallPeriod.TODAY);
        return history(domainId, sipNumberId, p.from(now, zone), p.to(now, zone), type, search);
    }

    /** The same for the days {@code from} to {@code until}, both inclusive. */
    List<CallHistoryRow> history(
            long domainId,
            Long sipNumberId,
            LocalDate from,
            LocalDate until,
            CallType type,
            String search) {
        if (from == null || until == null) {
            throw new RuleViolation("error.calls.rangeRequired");
        }
        if (until.isBefore(from)) {
            throw new RuleViolation("error.calls.rangeInverted");
        }
        ZoneId zone = settings.displayZone();
        return history(
                domainId,
                sipNumberId,
                from.atStartOfDay(zone).toInstant(),
                until.plusDays(1).atStartOfDay(zone).toInstant(),
                type,
                search);
    }

    private List<CallHistoryRow> history(
            long domainId,
            Long sipNumberId,
            Instant from,
            Instant to,
            CallType type,
            String search) {
        CallType t = Objects.requireNonNullElse(type, CallType.ALL);
        String text = search == null ? null : search.strip();
        if (text != null && text.length() > 64) {
            text = text.substring(0, 64);
        }
        // One more than shown: tells whether older calls were cut off.
        int limit = CallHistoryService.MAX_ROWS + 1;
        List<CallRecord> calls =
                sipNumberId == null
                        ? records.search(domainId, from, to, t.results(), text, limit)
                        : records.searchForNumber(
                                domainId, sipNumberId, from, to, t.results(), text, limit);
        Map<String, Long> recorded = new HashMap<>();
        recordings
                .findByCallIds(domainId, calls.stream().map(CallRecord::callId).toList())
                .forEach(r -> recorded.put(r.callId(), r.id()));
        return calls.stream().map(r -> row(r, recorded.get(r.callId()))).toList();
    }

    private static CallHistoryRow row(CallRecord r, Long recordingId) {
        CallRecord.Party callee = r.callee();
        return new CallHistoryRow(
                r.id(),
                r.startedAt(),
                r.caller().extension(),
                r.caller().name(),
                callee == null ? null : callee.extension(),
                callee == null ? null : callee.name(),
                r.dialled(),
                r.result(),
                r.sipStatus(),
                r.endReason(),
                r.ringSeconds(),
                r.talkSeconds(),
                recordingId);
    }
}
