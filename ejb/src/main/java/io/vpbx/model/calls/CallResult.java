package io.vpbx.model.calls;

/** How a call ended, as the call history shows it. */
public enum CallResult {
    ANSWERED,
    BUSY,
    NO_ANSWER,
    CANCELLED,
    FAILED;

    /**
     * The usual result of a call that ended with this final SIP status towards the caller (480 is a
     * failure here; a ring timeout, also 480, is {@link #NO_ANSWER} and said so explicitly).
     */
    public static CallResult ofStatus(int sipStatus) {
        if (sipStatus >= 200 && sipStatus < 300) {
            return ANSWERED;
        }
        return switch (sipStatus) {
            case 486, 600 -> BUSY;
            case 487 -> CANCELLED;
            case 408 -> NO_ANSWER;
            default -> FAILED;
        };
    }
}
