package io.vpbx.application.calls;

import io.vpbx.model.calls.CallResult;
import java.util.List;

/** The type filter of the call history. */
public enum CallType {
    ALL(List.of()),
    ANSWERED(List.of(CallResult.ANSWERED)),
    /** Calls that rang and nobody answered: no answer, busy, cancelled by the caller. */
    MISSED(List.of(CallResult.NO_ANSWER, CallResult.BUSY, CallResult.CANCELLED)),
    FAILED(List.of(CallResult.FAILED));

    private final List<CallResult> results;

    CallType(List<CallResult> results) {
        this.results = results;
    }

    public List<CallResult> results() {
        return results;
    }
}
