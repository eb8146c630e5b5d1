package io.vpbx.media.api;

/**
 * A prompt or a piece of music ready to play: 8 kHz mono 16-bit samples, immutable and shared by
 * every session that plays it.
 */
public final class Audio {
    private final String name;
    private final short[] samples;

    public Audio(String name, short[] samples) {
        this.name = name;
        this.samples = samples.clone();
    }

    public String name() {
        return name;
    }

    public int length() {
        return samples.length;
    }

    /** The sample at a position; engine code reads through this, never changing the audio. */
    public short sample(int index) {
        return samples[index];
    }

    /** Milliseconds of audio. */
    public long durationMillis() {
        return samples.length / 8L;
    }
}
