package io.vpbx.media.sdp;

import io.vpbx.media.api.SdpException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed session description: its media lines in order. Parsing is lenient where phones are
 * sloppy (LF line ends, unknown attributes, missing {@code t=}) and strict where a mistake would
 * send media to the wrong place (no address, a port out of range).
 */
public record SessionDescription(List<MediaLine> media) {
    /** Larger bodies are refused: no phone's offer comes near it. */
    static final int MAX_LENGTH = 16_384;

    public static SessionDescription parse(String sdp) throws SdpException {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpException("empty session description");
        }
        if (sdp.length() > MAX_LENGTH) {
            throw new SdpException("session description too long");
        }
        String sessionAddress = null;
        Direction sessionDirection = Direction.SENDRECV;
        List<Builder> lines = new ArrayList<>();
        Builder current = null;
        boolean sawVersion = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                if (line.isEmpty()) {
                    continue;
                }
                throw new SdpException("malformed line: " + abbreviate(line));
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            switch (type) {
                case 'v' -> sawVersion = true;
                case 'c' -> {
                    String address = connectionAddress(value);
                    if (current == null) {
                        sessionAddress = address;
                    } else {
                        current.address = address;
                    }
                }
                case 'm' -> {
                    current = Builder.of(value);
                    lines.add(current);
                }
                case 'a' -> {
                    Direction direction = direction(value);
                    if (direction != null) {
                        if (current == null) {
                            sessionDirection = direction;
                        } else {
                            current.direction = direction;
                        }
                    } else if (current != null && value.regionMatches(true, 0, "rtpmap:", 0, 7)) {
                        current.rtpmap(value.substring(7));
                    }
                }
                default -> {
                    // o=, s=, t=, b=, k=, ...: nothing we act on
                }
            }
        }
        if (!sawVersion) {
            throw new SdpException("no v= line");
        }
        List<MediaLine> media = new ArrayList<>(lines.size());
        for (Builder b : lines) {
            String address = b.address != null ? b.address : sessionAddress;
            if (address == null && b.port != 0) {
                throw new SdpException("no connection address for " + b.media);
            }
            media.add(
                    new MediaLine(
                            b.media,
                            b.port,
                            b.protocol,
                            List.copyOf(b.formats),
                            Map.copyOf(b.rtpmap),
                            address,
                            b.direction != null ? b.direction : sessionDirection));
        }
        return new SessionDescription(List.copyOf(media));
    }

    /** The first audio stream over plain RTP that is not disabled, or null. */
    public MediaLine audio() {
        for (MediaLine line : media) {
            if (line.media().equals("audio")
                    && line.port() != 0
                    && line.protocol().equalsIgnoreCase("RTP/AVP")) {
                return line;
            }
        }
        return null;
    }

    private static String connectionAddress(String value) throws SdpException {
        String[] parts = value.trim().split("\\s+");
        if (parts.length < 3 || !parts[0].equals("IN")) {
            throw new SdpException("malformed c= line");
        }
        if (!parts[1].equals("IP4") && !parts[1].equals("IP6")) {
            throw new SdpException("unknown address type " + abbreviate(parts[1]));
        }
        String address = parts[2];
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    private static Direction direction(String attribute) {
        return switch (attribute.trim().toLowerCase(Locale.ROOT)) {
            case "sendrecv" -> Direction.SENDRECV;
            case "sendonly" -> Direction.SENDONLY;
            case "recvonly" -> Direction.RECVONLY;
            case "inactive" -> Direction.INACTIVE;
            default -> null;
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static final class Builder {
        String media;
        int port;
        String protocol;
        final List<Integer> formats = new ArrayList<>();
        final Map<Integer, String> rtpmap = new HashMap<>();
        String address;
        Direction direction;

        static Builder of(String value) throws SdpException {
            String[] parts = value.trim().split("\\s+");
            if (parts.length < 3) {
                throw new SdpException("malformed m= line");
            }
            Builder b = new Builder();
            b.media = parts[0].toLowerCase(Locale.ROOT);
            String port = parts[1];
            int slash = port.indexOf('/');
            try {
                b.port = Integer.parseInt(slash < 0 ? port : port.substring(0, slash));
            } catch (NumberFormatException e) {
                throw new SdpException("malformed port in m= line");
            }
            if (b.port < 0 || b.port > 65535) {
                throw new SdpException("port out of range");
            }
            b.protocol = parts[2];
            for (int i = 3; i < parts.length; i++) {
                try {
                    b.formats.add(Integer.parseInt(parts[i]));
                } catch (NumberFormatException e) {
                    // a non-RTP format list (fax image, application): kept out of the list
                }
            }
            return b;
        }

        void rtpmap(String value) {
            String[] parts = value.trim().split("\\s+", 2);
            if (parts.length < 2) {
                return;
            }
            try {
                int payloadType = Integer.parseInt(parts[0]);
                String encoding = parts[1];
                int slash = encoding.indexOf('/');
                rtpmap.put(
                        payloadType,
                        (slash < 0 ? encoding : encoding.substring(0, slash))
                                .toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                // ignore a malformed rtpmap; the format falls back to its static meaning
            }
        }
    }
}
