package io.vpbx.application.internal;

import io.vpbx.application.sip.CallEnded;
import io.vpbx.application.sip.CallRecording;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.model.calls.CallRecord;
import io.vpbx.model.calls.CallRecordRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Writes the record of an ended call, unless it exists (a redelivered event). */
@Stateless
@PermitAll
public class DefaultCallRecording implements CallRecording {
    @Inject private CallRecordRepository records;

    @Override
    public void record(CallEnded call) {
        if (records.findByCallId(call.domainId(), call.callId()).isPresent()) {
            return;
        }
        records.add(
                new CallRecord(
                        call.domainId(),
                        call.callId(),
                        call.calleeCallId(),
                        party(call.caller()),
                        call.callee() == null ? null : party(call.callee()),
                        call.dialled(),
                        call.startedAt(),
                        call.answeredAt(),
                        call.endedAt(),
                        call.result(),
                        call.sipStatus(),
                        call.endReason()));
    }

    private static CallRecord.Party party(CallRouting.Party p) {
        return new CallRecord.Party(p.sipNumberId(), p.extension(), p.displayName());
    }
}
