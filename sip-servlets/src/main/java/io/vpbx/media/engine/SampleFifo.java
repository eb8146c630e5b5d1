package io.vpbx.media.engine;

/**
 * A ring of 16-bit samples between packet arrival and the 20 ms recording tick. When a phone's
 * clock runs fast the ring fills; the oldest samples are dropped so that the recording's two
 * channels never drift apart by more than the ring holds.
 */
final class SampleFifo {
    private final short[] ring;
    private int head;
    private int size;

    SampleFifo(int capacity) {
        this.ring = new short[capacity];
    }

    void write(short[] src, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (size == ring.length) {
                head = (head + 1) % ring.length;
                size--;
            }
            ring[(head + size) % ring.length] = src[off + i];
            size++;
        }
    }

    /** Reads {@code len} samples, silence where the ring ran dry. */
    void read(short[] dst, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (size > 0) {
                dst[off + i] = ring[head];
                head = (head + 1) % ring.length;
                size--;
            } else {
                dst[off + i] = 0;
            }
        }
    }

    int size() {
        return size;
    }
}
