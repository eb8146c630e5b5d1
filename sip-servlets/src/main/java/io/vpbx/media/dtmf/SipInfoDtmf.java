package io.vpbx.media.dtmf;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the key press out of a SIP INFO body, for devices that signal DTMF out of band in SIP.
 *
 * <p>Two de-facto formats exist, neither with an RFC of its own:
 *
 * <ul>
 *   <li>{@code application/dtmf-relay} (Cisco, Linksys, Grandstream, Yealink and most others):
 *       {@code key=value} lines, {@code Signal=5} and optionally {@code Duration=160} in
 *       milliseconds. Keys are matched case-insensitively, blanks around {@code =} are allowed and
 *       lines may end in CRLF, LF or CR. Some phones send {@code Signal=10} and {@code Signal=11}
 *       for {@code *} and {@code #}, i.e. the RFC 4733 event number, so 10..15 are read that way.
 *   <li>{@code application/dtmf}: the body is the key itself, or its RFC 4733 event number.
 * </ul>
 *
 * Content-type parameters such as {@code charset} are ignored. Anything unrecognised, including the
 * flash-hook {@code Signal=16}, yields no digit rather than an error: a stray INFO must never fail
 * a call.
 */
public final class SipInfoDtmf {
    /** A real body is a few dozen octets; anything much larger is not a DTMF relay body. */
    private static final int MAX_BODY_LENGTH = 1024;

    /**
     * A key press carried in SIP INFO.
     *
     * @param digit one of {@code 0-9 * # A-D}
     * @param durationMs the {@code Duration} the device sent, in milliseconds; 0 when it sent none
     */
    public record Digit(char digit, int durationMs) {
        public Digit {
            if (!DtmfDigit.isSymbol(digit) || Character.isLowerCase(digit)) {
                throw new IllegalArgumentException("not a DTMF key: '" + digit + "'");
            }
            if (durationMs < 0) {
                throw new IllegalArgumentException("negative duration: " + durationMs);
            }
        }
    }

    private SipInfoDtmf() {}

    public static Optional<Digit> parse(String contentType, byte[] body) {
        if (contentType == null || body == null || body.length > MAX_BODY_LENGTH) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String mediaType =
                (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                        .trim()
                        .toLowerCase(Locale.ROOT);
        // ISO-8859-1 maps every octet, so a malformed body cannot throw while being decoded.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        switch (mediaType) {
            case "application/dtmf-relay":
                return parseRelay(text);
            case "application/dtmf":
                return key(text.trim()).map(digit -> new Digit(digit, 0));
            default:
                return Optional.empty();
        }
    }

    private static Optional<Digit> parseRelay(String text) {
        String signal = null;
        int durationMs = 0;
        for (String line : text.split("\r\n|\r|\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = line.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).trim();
            if (name.equals("signal") && signal == null) {
                signal = value;
            } else if (name.equals("duration")) {
                durationMs = parseDuration(value);
            }
        }
        if (signal == null) {
            return Optional.empty();
        }
        int duration = durationMs;
        return key(signal).map(digit -> new Digit(digit, duration));
    }

    /** A key as a single character, or as its RFC 4733 event number 0..15. */
    private static Optional<Character> key(String value) {
        if (value.length() == 1 && DtmfDigit.isSymbol(value.charAt(0))) {
            return Optional.of(Character.toUpperCase(value.charAt(0)));
        }
        if (value.length() == 2 && isAsciiDigit(value.charAt(0)) && isAsciiDigit(value.charAt(1))) {
            int event = Integer.parseInt(value);
            if (event <= 15) {
                return Optional.of(DtmfDigit.ofEvent(event));
            }
        }
        return Optional.empty();
    }

    /** A missing, malformed or absurd duration is reported as unknown, not as an error. */
    private static int parseDuration(String value) {
        if (value.isEmpty() || value.length() > 9) {
            return 0;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return 0;
            }
        }
        return Integer.parseInt(value);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
