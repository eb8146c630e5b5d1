package io.vpbx.sip.call;

import io.vpbx.application.sip.CallEnded;
import io.vpbx.application.sip.CallJournal;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.model.calls.CallResult;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Reports every call's end to the core, which writes its record (CDR) and rates it: a call that
 * ended after it began ringing, and a call refused before anything rang (then only the caller's
 * side is known). The end time is taken when the call ends; the report itself goes out on a worker,
 * because the durable send waits for the disk and a SIP thread must never wait (ARCHITECTURE: no
 * listener thread blocks).
 */
final class CallRecords {
    private static final Logger LOG = Logger.getLogger(CallRecords.class);

    private final CallJournal journal;
    private final Executor workers;
    private final Clock clock;

    CallRecords(CallJournal journal, Executor workers, Clock clock) {
        this.journal = journal;
        this.workers = workers;
        this.clock = clock;
    }

    /** The call has ended now, with {@code result} and the caller's final {@code status}. */
    void ended(Call call, CallResult result, int status) {
        record(
                new CallEnded(
                        call.domainId,
                        call.callId,
                        call.answered == null ? null : call.answered.callId,
                        call.caller,
                        call.callee,
                        call.dialled,
                        call.startedAt,
                        call.answeredAt,
                        clock.instant(),
                        result,
                        status,
                        call.endReason));
    }

    /** A call was refused now with {@code status}, before any phone rang or anyone answered. */
    void refused(
            long domainId,
            String callId,
            CallRouting.Party caller,
            CallRouting.Party callee,
            String dialled,
            Instant started,
            CallResult result,
            int status) {
        record(
                new CallEnded(
                        domainId,
                        callId,
                        null,
                        caller,
                        callee,
                        dialled,
                        started,
                        null,
                        clock.instant(),
                        result,
                        status,
                        null));
    }

    private void record(CallEnded ended) {
        workers.execute(
                () -> {
                    try {
                        journal.callEnded(ended);
                    } catch (RuntimeException e) {
                        LOG.errorf(
                                "Call %s ended but no record of it could be written: %s (%s)",
                                ended.callId(), e, ended);
                    }
                });
    }
}
