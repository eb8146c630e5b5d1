package io.vpbx.media.engine;

import io.vpbx.media.api.Audio;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.MediaListener;
import io.vpbx.media.api.MediaSession;
import io.vpbx.media.dtmf.SipInfoDtmf;
import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A call's media. Its methods run on the caller's thread only long enough to post a task to the
 * session's media thread, which owns everything below.
 */
final class SessionImpl implements MediaSession {
    final RtpEngine engine;
    final Reactor reactor;
    final String callId;
    final MediaListener listener;

    // Media thread state.
    final List<EndpointImpl> endpoints = new ArrayList<>(4);
    Recording recording;
    boolean supervised;
    long supervisedSinceNanos;
    long lastRtpNanos;
    boolean timedOut;
    boolean closed;

    SessionImpl(RtpEngine engine, Reactor reactor, String callId, MediaListener listener) {
        this.engine = engine;
        this.reactor = reactor;
        this.callId = callId;
        this.listener = listener;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public Endpoint newEndpoint() throws IOException {
        DatagramChannel[] pair = engine.ports.allocate();
        EndpointImpl endpoint =
                new EndpointImpl(
                        this,
                        pair[0].socket().getLocalPort(),
                        pair[0],
                        pair[1],
                        engine.settings.advertisedAddress());
        reactor.execute(() -> reactor.attach(endpoint));
        return endpoint;
    }

    @Override
    public void bridge(Endpoint a, Endpoint b) {
        EndpointImpl x = own(a);
        EndpointImpl y = own(b);
        reactor.execute(
                () -> {
                    if (x.closed || y.closed) {
                        return;
                    }
                    unbridge(x);
                    unbridge(y);
                    x.peer = y;
                    y.peer = x;
                });
    }

    private static void unbridge(EndpointImpl endpoint) {
        if (endpoint.peer != null) {
            endpoint.peer.peer = null;
            endpoint.peer = null;
        }
    }

    @Override
    public void play(Endpoint to, Audio audio, boolean loop) {
        EndpointImpl endpoint = own(to);
        reactor.execute(
                () -> {
                    endpoint.playing = audio;
                    endpoint.playPosition = 0;
                    endpoint.playLoop = loop;
                    endpoint.playerStarted = false;
                });
    }

    @Override
    public void stopPlaying(Endpoint to) {
        EndpointImpl endpoint = own(to);
        reactor.execute(() -> endpoint.playing = null);
    }

    @Override
    public void record(Endpoint left, Endpoint right, Path wav) {
        EndpointImpl l = own(left);
        EndpointImpl r = own(right);
        reactor.execute(
                () -> {
                    if (recording == null && !closed) {
                        recording = new Recording(this, l, r, wav);
                    }
                });
    }

    @Override
    public void superviseMedia() {
        reactor.execute(
                () -> {
                    if (!supervised) {
                        supervised = true;
                        supervisedSinceNanos = System.nanoTime();
                    }
                });
    }

    @Override
    public boolean infoDtmf(Endpoint from, String contentType, byte[] body) {
        EndpointImpl endpoint = own(from);
        Optional<SipInfoDtmf.Digit> digit = SipInfoDtmf.parse(contentType, body);
        digit.ifPresent(
                d ->
                        reactor.execute(
                                () -> {
                                    if (!closed) {
                                        listener.dtmf(endpoint, d.digit(), d.durationMs());
                                    }
                                }));
        return digit.isPresent();
    }

    @Override
    public void release(Endpoint endpoint) {
        EndpointImpl e = own(endpoint);
        reactor.execute(() -> reactor.detach(e));
    }

    @Override
    public void close() {
        reactor.execute(() -> reactor.closeSession(this));
    }

    void recordingFinished(Path file, Duration length) {
        listener.recordingFinished(file, length);
    }

    private EndpointImpl own(Endpoint endpoint) {
        if (!(endpoint instanceof EndpointImpl e) || e.session != this) {
            throw new IllegalArgumentException("not an endpoint of this session");
        }
        return e;
    }
}
