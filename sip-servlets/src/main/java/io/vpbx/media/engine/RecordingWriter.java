package io.vpbx.media.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that writes recordings to disk. A slow disk delays only this thread; the media
 * threads keep pacing audio and count an overrun when both of a recording's chunks are still here.
 */
final class RecordingWriter extends Thread {
    private static final Logger LOG = Logger.getLogger(RecordingWriter.class.getName());
    private static final int HEADER = 44;

    private final BlockingQueue<Recording.Chunk> queue = new ArrayBlockingQueue<>(8192);
    private final Map<Recording, FileChannel> open = new HashMap<>();
    private final LongAdder overruns = new LongAdder();
    private volatile boolean running = true;

    RecordingWriter() {
        super("vpbx-media-recorder");
        setDaemon(true);
    }

    void submit(Recording.Chunk chunk) {
        if (!queue.offer(chunk)) {
            overrun();
            chunk.busy = false;
        }
    }

    void overrun() {
        overruns.increment();
    }

    long overruns() {
        return overruns.sum();
    }

    void shutdown() {
        running = false;
        interrupt();
    }

    @Override
    public void run() {
        while (running || !queue.isEmpty()) {
            Recording.Chunk chunk;
            try {
                chunk = queue.take();
            } catch (InterruptedException e) {
                if (!running) {
                    drain();
                    return;
                }
                continue;
            }
            write(chunk);
        }
    }

    private void drain() {
        Recording.Chunk chunk;
        while ((chunk = queue.poll()) != null) {
            write(chunk);
        }
    }

    private void write(Recording.Chunk chunk) {
        Recording recording = chunk.recording;
        try {
            FileChannel file = open.get(recording);
            if (file == null) {
                Files.createDirectories(recording.file.getParent());
                file =
                        FileChannel.open(
                                recording.file,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING,
                                StandardOpenOption.WRITE);
                file.write(ByteBuffer.allocate(HEADER), 0);
                file.position(HEADER);
                open.put(recording, file);
            }
            ByteBuffer data = ByteBuffer.wrap(chunk.data, 0, chunk.length);
            while (data.hasRemaining()) {
                file.write(data);
            }
            if (chunk.last) {
                long dataBytes = file.position() - HEADER;
                file.write(header(dataBytes), 0);
                file.close();
                open.remove(recording);
                try {
                    recording.session.recordingFinished(
                            recording.file, Duration.ofMillis(dataBytes / 4 / 8));
                } catch (RuntimeException e) {
                    // e.g. the server is stopping and its executors refuse work: the file stays
                    LOG.log(Level.WARNING, "Recording " + recording.file + " not reported", e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot write the recording " + recording.file, e);
            FileChannel file = open.remove(recording);
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        } finally {
            chunk.length = 0;
            chunk.busy = false;
        }
    }

    /** RIFF header of a stereo 8 kHz 16-bit PCM WAV. */
    static ByteBuffer header(long dataBytes) {
        int data = (int) Math.min(dataBytes, 0xFFFFFFFFL - 36);
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt(36 + data).putInt(0x45564157);
        h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 2);
        h.putInt(8000).putInt(8000 * 4).putShort((short) 4).putShort((short) 16);
        h.putInt(0x61746164).putInt(data);
        h.flip();
        return h;
    }
}
