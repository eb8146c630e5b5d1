package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.PlatformSettings;
import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallHistoryService;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.model.calls.CallRecord;
import io.vpbx.model.calls.CallRecordRepository;
import io.vpbx.model.recording.CallRecordingFileRepository;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.AccessDenied;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The call history of the caller's domain; the domain is never a parameter. */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultCallHistoryService implements CallHistoryService {
    @Inject private CallerContext caller;
    @Inject private CallRecordRepository records;
    @Inject private CallRecordingFileRepository recordings;
    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    @Override
    public List<CallHistoryRow> history(CallPeriod period, CallType type, String search) {
        ActorRef actor = caller.actor();
        if (actor.domainId() == null) {
            throw new AccessDenied("error.accessDenied");
        }
        Instant now = clock.instant();
        CallPeriod p = Objects.requireNonNullElse(period, CallPeriod.TODAY);
        CallType t = Objects.requireNonNullElse(type, CallType.ALL);
        String text = search == null ? null : search.strip();
        if (text != null && text.length() > 64) {
            text = text.substring(0, 64);
        }
        List<CallRecord> calls =
                records.search(
                        actor.domainId(),
                        p.from(now, settings.displayZone()),
                        p.to(now, settings.displayZone()),
                        t.results(),
                        text,
                        MAX_ROWS
                                + 1); // one more than shown: tells whether older calls were cut off
        Map<String, Long> recorded = new HashMap<>();
        recordings
                .findByCallIds(actor.domainId(), calls.stream().map(CallRecord::callId).toList())
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
