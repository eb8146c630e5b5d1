package io.vpbx.media.engine;

import io.vpbx.media.api.Audio;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.media.api.MediaListener;
import io.vpbx.media.api.MediaSession;
import io.vpbx.media.api.MediaSettings;
import io.vpbx.media.api.MediaStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine: its media threads (each carries whole sessions, assigned in turn), the port range,
 * the recording writer and the loaded audio.
 */
public final class RtpEngine implements MediaEngine {
    final MediaSettings settings;
    final PortAllocator ports;
    final RecordingWriter writer = new RecordingWriter();
    private final Reactor[] reactors;
    private final AtomicInteger nextReactor = new AtomicInteger();
    private final Map<Path, Loaded> audio = new ConcurrentHashMap<>();

    private record Loaded(FileTime modified, long size, Audio audio) {}

    public RtpEngine(MediaSettings settings) throws IOException {
        this.settings = settings;
        this.ports =
                new PortAllocator(
                        settings.bindAddress(), settings.firstPort(), settings.portCount());
        this.reactors = new Reactor[settings.threads()];
        for (int i = 0; i < reactors.length; i++) {
            reactors[i] = new Reactor(this, i);
        }
        for (Reactor reactor : reactors) {
            reactor.start();
        }
        writer.start();
    }

    @Override
    public MediaSession openSession(String callId, MediaListener listener) {
        Reactor reactor = reactors[Math.floorMod(nextReactor.getAndIncrement(), reactors.length)];
        SessionImpl session = new SessionImpl(this, reactor, callId, listener);
        reactor.openSession(session);
        return session;
    }

    @Override
    public Audio load(Path wav) throws IOException {
        Path key = wav.toAbsolutePath().normalize();
        FileTime modified = Files.getLastModifiedTime(key);
        long size = Files.size(key);
        Loaded loaded = audio.get(key);
        if (loaded == null || !loaded.modified().equals(modified) || loaded.size() != size) {
            loaded = new Loaded(modified, size, WavAudio.read(key));
            audio.put(key, loaded);
        }
        return loaded.audio();
    }

    @Override
    public MediaStatistics statistics() {
        int sessions = 0;
        int endpoints = 0;
        long in = 0;
        long out = 0;
        long dropped = 0;
        for (Reactor reactor : reactors) {
            sessions += reactor.sessionCount;
            endpoints += reactor.endpointCount;
            in += reactor.packetsIn;
            out += reactor.packetsOut;
            dropped += reactor.dropped;
        }
        return new MediaStatistics(sessions, endpoints, in, out, dropped, writer.overruns());
    }

    @Override
    public void close() {
        for (Reactor reactor : reactors) {
            reactor.shutdown();
        }
        for (Reactor reactor : reactors) {
            try {
                reactor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.shutdown();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
