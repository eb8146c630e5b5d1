package io.vpbx.media.engine;

import java.nio.file.Path;

/**
 * A call being recorded: on every 20 ms tick of the media thread, 160 samples of each side go into
 * a stereo frame (left: {@link #left}'s phone, right: {@link #right}'s). Frames fill one of two
 * one-second chunks; a full chunk goes to the writer thread while the other fills, so the media
 * thread never touches the disk and allocates nothing.
 */
final class Recording {
    static final int FRAME_SAMPLES = 160;
    static final int CHUNK_FRAMES = 50;

    final SessionImpl session;
    final EndpointImpl left;
    final EndpointImpl right;
    final Path file;
    final SampleFifo leftSamples = new SampleFifo(1600);
    final SampleFifo rightSamples = new SampleFifo(1600);
    private final Chunk[] chunks = {new Chunk(this), new Chunk(this)};
    private final short[] leftFrame = new short[FRAME_SAMPLES];
    private final short[] rightFrame = new short[FRAME_SAMPLES];
    private Chunk current;
    long frames;
    boolean finished;

    Recording(SessionImpl session, EndpointImpl left, EndpointImpl right, Path file) {
        this.session = session;
        this.left = left;
        this.right = right;
        this.file = file;
    }

    /** Adds one 20 ms stereo frame; hands a full chunk to the writer. */
    void tick(RecordingWriter writer) {
        if (current == null) {
            current = free();
            if (current == null) {
                writer.overrun();
                leftSamples.read(leftFrame, 0, FRAME_SAMPLES);
                rightSamples.read(rightFrame, 0, FRAME_SAMPLES);
                return; // both chunks still at the writer: this frame is lost
            }
        }
        leftSamples.read(leftFrame, 0, FRAME_SAMPLES);
        rightSamples.read(rightFrame, 0, FRAME_SAMPLES);
        byte[] data = current.data;
        int at = current.length;
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            short l = leftFrame[i];
            short r = rightFrame[i];
            data[at++] = (byte) l;
            data[at++] = (byte) (l >> 8);
            data[at++] = (byte) r;
            data[at++] = (byte) (r >> 8);
        }
        current.length = at;
        frames++;
        if (at == data.length) {
            writer.submit(current);
            current = null;
        }
    }

    /** The last (partial) chunk, marked so that the writer completes the file. */
    void finish(RecordingWriter writer) {
        if (finished) {
            return;
        }
        finished = true;
        Chunk last = current != null ? current : free();
        if (last == null) {
            last = new Chunk(this); // both busy at the very end: one allocation per recording
        }
        last.last = true;
        writer.submit(last);
        current = null;
    }

    private Chunk free() {
        for (Chunk chunk : chunks) {
            if (!chunk.busy) {
                chunk.busy = true;
                chunk.length = 0;
                return chunk;
            }
        }
        return null;
    }

    /** One second of stereo audio on its way to the disk. */
    static final class Chunk {
        final Recording recording;
        final byte[] data = new byte[CHUNK_FRAMES * FRAME_SAMPLES * 4];
        int length;
        boolean last;
        volatile boolean busy;

        Chunk(Recording recording) {
            this.recording = recording;
        }
    }
}
