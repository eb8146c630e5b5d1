package io.vpbx.media.api;

/** A session description we cannot use: malformed, or no audio stream we can carry (488). */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }
}
