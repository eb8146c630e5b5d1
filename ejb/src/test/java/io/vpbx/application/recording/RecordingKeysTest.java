package io.vpbx.application.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingKeysTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void keyIsDomainYearMonthAndCallId() {
        assertThat(
                        RecordingKeys.of(
                                42,
                                "a84b4c76e66710@pc33.example.com",
                                Instant.parse("2026-03-05T10:00:00Z"),
                                MOSCOW))
                .isEqualTo("42/2026/03/a84b4c76e66710@pc33.example.com.wav");
    }

    @Test
    void theMonthIsTheDisplayZones() {
        // 31 Dec 22:30 UTC is already 1 January in Moscow.
        assertThat(RecordingKeys.of(7, "x", Instant.parse("2025-12-31T22:30:00Z"), MOSCOW))
                .isEqualTo("7/2026/01/x.wav");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd",
                "..",
                "/absolute/path",
                "a/../../b",
                "..\\..\\windows",
                ".hidden",
                "%2e%2e%2f",
                "call id with spaces;rm -rf",
                "\u0000nul"
            })
    void noCallIdEscapesTheDomainsDirectory(String callId) {
        String name = RecordingKeys.sanitise(callId);
        assertThat(name).doesNotContain("/").doesNotContain("\\").doesNotContain("..");
        assertThat(name).doesNotStartWith(".");
        assertThat(name).matches("[A-Za-z0-9._@-]+");
        String key = RecordingKeys.of(1, callId, Instant.parse("2026-01-10T00:00:00Z"), MOSCOW);
        assertThat(RecordingKeys.isValid(key)).as(key).isTrue();
        assertThat(key).startsWith("1/2026/01/").endsWith(".wav");
        assertThat(key.substring("1/2026/01/".length())).doesNotContain("/");
    }

    @Test
    void dotsAndSlashesBecomeUnderscores() {
        assertThat(RecordingKeys.sanitise("../../etc/passwd")).isEqualTo("_._.__etc_passwd");
    }

    @Test
    void aBlankCallIdStillGivesAName() {
        assertThat(RecordingKeys.sanitise("")).isEqualTo("call");
        assertThat(RecordingKeys.sanitise(null)).isEqualTo("call");
    }

    @Test
    void longCallIdsAreCutButStayDistinct() {
        String a = "a".repeat(300) + "1";
        String b = "a".repeat(300) + "2";
        assertThat(RecordingKeys.sanitise(a)).hasSize(150);
        assertThat(RecordingKeys.sanitise(a)).isNotEqualTo(RecordingKeys.sanitise(b));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1/2026/01/../../x.wav",
                "../1/2026/01/x.wav",
                "/1/2026/01/x.wav",
                "1/2026/01/sub/x.wav",
                "1/2026/01/.x.wav",
                "x/2026/01/a.wav",
                ""
            })
    void forgedKeysAreInvalid(String key) {
        assertThat(RecordingKeys.isValid(key)).isFalse();
    }
}
