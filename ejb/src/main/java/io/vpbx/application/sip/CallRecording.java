package io.vpbx.application.sip;

/** Turns call-ended events into call records, once per call. */
public interface CallRecording {
    void record(CallEnded call);
}
