package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import io.vpbx.model.calls.CallResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The calls in progress on this node, found by the Call-ID of any of their legs (the caller's, each
 * device's, a picker's), with the channels they hold and the line states BLF shows from them. A
 * call ends here: its record is reported, its media closed and its channels given back; it stays
 * findable for a while so that late responses of cancelled legs still reach it. Single node: on
 * several nodes this state moves to the replicated call state (ADR 0005).
 */
final class CallRegistry {
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Channels channels = new Channels();
    private final ScheduledExecutorService timers;
    private final CallRecords records;
    private volatile CallServlet.LineWatcher watcher = id -> {};

    CallRegistry(ScheduledExecutorService timers, CallRecords records) {
        this.timers = timers;
        this.records = records;
    }

    Call get(String callId) {
        return calls.get(callId);
    }

    /** Makes the call findable by one more Call-ID (its own, or a leg's). */
    void put(String callId, Call call) {
        calls.put(callId, call);
    }

    /** Every entry, a call once per Call-ID it is known by. */
    Collection<Call> entries() {
        return calls.values();
    }

    Channels channels() {
        return channels;
    }

    void watchLines(CallServlet.LineWatcher lineWatcher) {
        this.watcher = lineWatcher;
    }

    /** Calls in progress on this node, for tests and statistics. */
    int activeCalls() {
        return (int) calls.values().stream().distinct().count();
    }

    /** The line state of a SIP number, from the calls in progress on this node. */
    CallServlet.LineState lineState(long sipNumberId) {
        CallServlet.LineState state = CallServlet.LineState.FREE;
        for (Call call : calls.values()) {
            synchronized (call) {
                if (call.state == Call.State.ENDED) {
                    continue;
                }
                if (call.caller.sipNumberId() == sipNumberId) {
                    return CallServlet.LineState.IN_USE;
                }
                if (call.callee != null && call.callee.sipNumberId() == sipNumberId) {
                    if (call.state == Call.State.ANSWERED) {
                        return CallServlet.LineState.IN_USE;
                    }
                    state = CallServlet.LineState.RINGING;
                } else if (call.group != null
                        && call.state == Call.State.RINGING
                        && call.group.rings(sipNumberId)) {
                    state = CallServlet.LineState.RINGING;
                }
            }
        }
        return state;
    }

    /** Tells the watcher (on a worker) that the lines of the call's parties may have changed. */
    void linesChanged(Call call) {
        long caller = call.caller.sipNumberId();
        Long callee = call.callee == null ? null : call.callee.sipNumberId();
        List<Long> members =
                call.group == null
                        ? List.of()
                        : call.group.rung().stream().map(CallRouting.Party::sipNumberId).toList();
        timers.execute(
                () -> {
                    watcher.lineChanged(caller);
                    if (callee != null) {
                        watcher.lineChanged(callee);
                    }
                    members.forEach(watcher::lineChanged);
                });
    }

    /** Tells the watcher (on a worker) that these lines may have changed. */
    void linesChanged(List<Long> sipNumberIds) {
        timers.execute(() -> sipNumberIds.forEach(watcher::lineChanged));
    }

    /**
     * Ends the call (once) under its monitor: its record is reported, its media closed and its
     * channels given back.
     */
    void end(Call call, CallResult result, int status) {
        if (call.state == Call.State.ENDED) {
            return;
        }
        call.state = Call.State.ENDED;
        linesChanged(call);
        records.ended(call, result, status);
        if (call.ringTimeout != null) {
            call.ringTimeout.cancel(false);
        }
        if (call.media != null) {
            call.media.close();
        }
        channels.release(call.caller);
        if (call.holdsCalleeChannel && call.callee != null) {
            channels.release(call.callee);
        }
        if (call.group != null) {
            call.group.releaseAll();
        }
        // Late responses of cancelled legs (487) still find the call for a short while.
        timers.schedule(
                () -> {
                    calls.remove(call.callId);
                    call.legs.forEach(l -> calls.remove(l.callId));
                    if (call.answered != null) {
                        calls.remove(call.answered.callId);
                    }
                },
                32,
                TimeUnit.SECONDS);
    }
}
