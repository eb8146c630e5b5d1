package io.vpbx.media.engine;

import io.vpbx.media.api.Codec;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.SdpException;
import io.vpbx.media.dtmf.DtmfListener;
import io.vpbx.media.dtmf.InbandDtmfDetector;
import io.vpbx.media.dtmf.Rfc4733Detector;
import io.vpbx.media.rtp.ReceiveStatistics;
import io.vpbx.media.sdp.Direction;
import io.vpbx.media.sdp.MediaLine;
import io.vpbx.media.sdp.SdpWriter;
import io.vpbx.media.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One leg's media. The offer/answer half runs on SIP threads under this object's monitor and
 * publishes a {@link Wire}; everything below "media thread state" belongs to the session's media
 * thread alone.
 */
final class EndpointImpl implements Endpoint, DtmfListener {
    /** Our telephone-event payload type in offers (any dynamic type works; 101 is customary). */
    static final int OFFERED_EVENT_TYPE = 101;

    final SessionImpl session;
    final int port;
    final DatagramChannel rtp;
    final DatagramChannel rtcp;
    private final String address;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);

    // Offer/answer state, under this monitor.
    private long sdpVersion;
    private String lastSdp;
    private SessionDescription remoteOffer;
    private MediaLine remoteLine;
    private Codec codec;
    private Codec preferred;
    private boolean holding;
    private int generation;

    volatile Wire wire = Wire.NONE;

    // Media thread state.
    InetSocketAddress latched;
    int latchedGeneration = -1;
    long latchedLastNanos;
    InetSocketAddress rtcpTarget;
    EndpointImpl peer;
    final ReceiveStatistics receiving = new ReceiveStatistics();
    final Rfc4733Detector events = new Rfc4733Detector();
    final InbandDtmfDetector tones = new InbandDtmfDetector();
    long lastRtpNanos;

    // Our outgoing stream (RFC 3550 §5.1: our own SSRC, sequence and timestamp per leg).
    final int ssrc = ThreadLocalRandom.current().nextInt();
    int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
    int timestamp = ThreadLocalRandom.current().nextInt();
    long lastSentNanos;
    boolean relaying;
    int relaySsrc;
    int relayOffset;
    boolean marker = true;
    long packetsSent;
    long octetsSent;

    // Player.
    io.vpbx.media.api.Audio playing;
    int playPosition;
    boolean playLoop;
    boolean playerStarted;

    // RTCP.
    long nextRtcpNanos;
    long lastSrNtpMiddle;
    long lastSrArrivalNanos;
    boolean rtcpMux;
    boolean closed;

    EndpointImpl(
            SessionImpl session,
            int port,
            DatagramChannel rtp,
            DatagramChannel rtcp,
            String address) {
        this.session = session;
        this.port = port;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.address = address;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized void remoteOffer(String sdp) throws SdpException {
        SessionDescription offer = SessionDescription.parse(sdp);
        MediaLine audio = usableAudio(offer);
        remoteOffer = offer;
        remoteLine = audio;
        preferred = firstCodec(audio);
    }

    @Override
    public synchronized String localAnswer(Codec preference) {
        if (remoteLine == null) {
            throw new IllegalStateException("no offer to answer");
        }
        Codec chosen =
                preference != null && remoteLine.payloadType(preference.encoding) >= 0
                        ? preference
                        : codec != null && remoteLine.payloadType(codec.encoding) >= 0
                                ? codec
                                : preferred;
        int eventType = remoteLine.payloadType("telephone-event");
        List<SdpWriter.Format> formats = new ArrayList<>(2);
        formats.add(
                new SdpWriter.Format(
                        remoteLine.payloadType(chosen.encoding),
                        chosen.encoding.toUpperCase(java.util.Locale.ROOT)));
        if (eventType >= 0) {
            formats.add(new SdpWriter.Format(eventType, "telephone-event"));
        }
        Direction ours = remoteLine.direction().answer();
        if ("0.0.0.0".equals(remoteLine.address())) {
            ours =
                    Direction.INACTIVE.equals(remoteLine.direction())
                            ? Direction.INACTIVE
                            : Direction.RECVONLY;
        }
        negotiated(remoteLine, chosen, eventType, eventType);
        return sdp(formats, ours, remoteOffer.media(), remoteOffer.media().indexOf(remoteLine));
    }

    @Override
    public synchronized String localOffer(Codec preference) {
        Codec first = preference != null ? preference : codec != null ? codec : Codec.PCMU;
        Codec second = first == Codec.PCMU ? Codec.PCMA : Codec.PCMU;
        List<SdpWriter.Format> formats =
                List.of(
                        new SdpWriter.Format(
                                first.payloadType,
                                first.encoding.toUpperCase(java.util.Locale.ROOT)),
                        new SdpWriter.Format(
                                second.payloadType,
                                second.encoding.toUpperCase(java.util.Locale.ROOT)),
                        new SdpWriter.Format(OFFERED_EVENT_TYPE, "telephone-event"));
        remoteOffer = null;
        return sdp(formats, Direction.SENDRECV, null, 0);
    }

    @Override
    public synchronized void remoteAnswer(String sdp) throws SdpException {
        SessionDescription answer = SessionDescription.parse(sdp);
        MediaLine audio = usableAudio(answer);
        // RFC 3264 §7: the answer's first format is what the answerer will send; we send it too.
        Codec chosen = firstCodec(audio);
        preferred = chosen;
        remoteLine = audio;
        negotiated(audio, chosen, audio.payloadType("telephone-event"), OFFERED_EVENT_TYPE);
    }

    @Override
    public synchronized Codec codec() {
        return codec;
    }

    @Override
    public synchronized Codec preferredCodec() {
        return preferred;
    }

    @Override
    public synchronized boolean holding() {
        return holding;
    }

    /** A digit detected on this leg's media thread (RFC 4733 or in-band). */
    @Override
    public void digit(char digit, int durationSamples) {
        if (!session.closed) {
            session.listener.dtmf(this, digit, durationSamples / 8);
        }
    }

    private void negotiated(MediaLine line, Codec chosen, int sendEventType, int receiveEventType) {
        codec = chosen;
        holding = line.holds();
        InetSocketAddress remote =
                "0.0.0.0".equals(line.address())
                        ? null
                        : InetSocketAddress.createUnresolved(line.address(), line.port());
        Wire previous = wire;
        if (previous.remote() == null || !previous.remote().equals(remote)) {
            generation++;
        }
        wire =
                new Wire(
                        resolve(remote),
                        chosen,
                        line.payloadType(chosen.encoding),
                        sendEventType,
                        receiveEventType,
                        line.direction().receives() && remote != null,
                        holding,
                        generation);
    }

    private static InetSocketAddress resolve(InetSocketAddress unresolved) {
        if (unresolved == null) {
            return null;
        }
        // SDP carries literal addresses; a host name would need DNS on a media thread: refused
        // by resolving only literals here (InetAddress.ofLiteral is Java 22).
        try {
            if (!unresolved.getHostString().matches("[0-9a-fA-F:.]+")) {
                return null;
            }
            return new InetSocketAddress(
                    java.net.InetAddress.getByName(unresolved.getHostString()),
                    unresolved.getPort());
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private String sdp(
            List<SdpWriter.Format> formats,
            Direction direction,
            List<MediaLine> mirrored,
            int index) {
        String body =
                SdpWriter.write(
                        address,
                        sdpSessionId,
                        sdpVersion,
                        port,
                        formats,
                        direction,
                        mirrored,
                        index);
        // RFC 3264 §8: the version goes up exactly when the description changes.
        String withoutOrigin = body.substring(body.indexOf("s="));
        if (lastSdp != null && !lastSdp.equals(withoutOrigin)) {
            sdpVersion++;
            body =
                    SdpWriter.write(
                            address,
                            sdpSessionId,
                            sdpVersion,
                            port,
                            formats,
                            direction,
                            mirrored,
                            index);
        }
        lastSdp = withoutOrigin;
        return body;
    }

    private static MediaLine usableAudio(SessionDescription sdp) throws SdpException {
        MediaLine audio = sdp.audio();
        if (audio == null) {
            throw new SdpException("no RTP/AVP audio stream");
        }
        if (firstCodec(audio) == null) {
            throw new SdpException("neither PCMU nor PCMA offered");
        }
        return audio;
    }

    private static Codec firstCodec(MediaLine audio) {
        for (int format : audio.formats()) {
            Codec codec = Codec.ofEncoding(audio.encoding(format));
            if (codec != null) {
                return codec;
            }
        }
        return null;
    }
}
