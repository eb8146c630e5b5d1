package io.vpbx.application.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Storage keys of recordings: {@code <domainId>/<yyyy>/<mm>/<call id>.wav}, so that one directory
 * holds at most a month of one domain. The Call-ID comes from the network and may hold anything
 * (RFC 3261 §25.1 allows {@code / . % @ : ~}), so it is reduced to a safe file name: no path
 * separator, no {@code ..}, nothing but letters, digits and {@code . _ - @}.
 */
public final class RecordingKeys {
    /** What a valid key looks like; stores refuse anything else. */
    public static final Pattern VALID =
            Pattern.compile("[0-9]{1,19}/[0-9]{4}/[0-9]{2}/[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,199}");

    private static final int MAX_NAME = 150;

    private RecordingKeys() {}

    /** The key of a domain's recording of a call, made at {@code createdAt}. */
    public static String of(long domainId, String callId, Instant createdAt, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(createdAt, zone);
        return String.format(
                "%d/%04d/%02d/%s.wav",
                domainId, day.getYear(), day.getMonthValue(), sanitise(callId));
    }

    /**
     * The Call-ID as a file name: every character outside {@code [A-Za-z0-9._@-]} becomes {@code
     * _}, a leading or trailing dot too (no hidden files, no {@code ..}), runs of dots shrink to
     * one, and long ids are cut, keeping a hash of the whole so that two long ids stay apart.
     */
    public static String sanitise(String callId) {
        if (callId == null || callId.isBlank()) {
            return "call";
        }
        StringBuilder name = new StringBuilder(callId.length());
        for (int i = 0; i < callId.length(); i++) {
            char c = callId.charAt(i);
            boolean safe =
                    (c >= 'A' && c <= 'Z')
                            || (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '-'
                            || c == '@'
                            || c == '.';
            if (c == '.' && (name.length() == 0 || name.charAt(name.length() - 1) == '.')) {
                safe = false;
            }
            name.append(safe ? c : '_');
        }
        if (name.charAt(name.length() - 1) == '.') {
            name.setCharAt(name.length() - 1, '_'); // ".wav" follows: no ".." there either
        }
        String result = name.toString();
        if (result.length() > MAX_NAME) {
            result =
                    result.substring(0, MAX_NAME - 9)
                            + "-"
                            + String.format("%08x", callId.hashCode());
        }
        return result;
    }

    public static boolean isValid(String key) {
        return key != null && VALID.matcher(key).matches() && !key.contains("..");
    }
}
