package io.vpbx.model.calls;

/** Who or what ended an answered call, as the call history shows it. */
public enum CallEndReason {
    /** The caller hung up. */
    CALLER_HUNG_UP,
    /** The called party hung up. */
    CALLEE_HUNG_UP,
    /**
     * Neither phone sent audio for the configured time (a phone lost power or network without
     * hanging up): the PBX hung up both sides so that the lines and channels come free.
     */
    MEDIA_TIMEOUT
}
