package io.vpbx.application.sip;

/**
 * Where the SIP layer reports ended calls. The report goes to a durable queue before anything is
 * written, so a crash right after a call loses nothing; the record is written from the queue.
 */
public interface CallJournal {
    void callEnded(CallEnded call);
}
