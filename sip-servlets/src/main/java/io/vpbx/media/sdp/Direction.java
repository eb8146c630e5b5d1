package io.vpbx.media.sdp;

/** The direction attribute of a stream, from the point of view of the side that wrote it. */
public enum Direction {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    /** What the answerer writes for this offered direction (RFC 3264 §6.1). */
    public Direction answer() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    /** Whether the writer of this direction wants to receive media. */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** Whether the writer of this direction will send media. */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
