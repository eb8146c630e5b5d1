package io.vpbx.media.dtmf;

/** Receives each key press exactly once, in the order the caller pressed them. */
@FunctionalInterface
public interface DtmfListener {
    /**
     * @param digit one of {@code 0-9 * # A-D}
     * @param durationSamples how long the key had been held when it was reported, in samples of the
     *     stream's clock (8000 per second for telephone-event/8000 and G.711); 0 if unknown
     */
    void digit(char digit, int durationSamples);
}
