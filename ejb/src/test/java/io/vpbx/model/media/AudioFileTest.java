package io.vpbx.model.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.model.shared.RuleViolation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AudioFileTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void theOriginalNameKeepsOnlyTheFileNameABrowserSent() {
        assertThat(AudioFile.cleanOriginalName("C:\\Users\\me\\Music\\Oblaka.wav"))
                .isEqualTo("Oblaka.wav");
        assertThat(AudioFile.cleanOriginalName("/home/me/hold\u0000.mp3")).isEqualTo("hold.mp3");
        assertThat(AudioFile.cleanOriginalName(null)).isEqualTo("upload");
        assertThat(AudioFile.cleanOriginalName("  ")).isEqualTo("upload");
        assertThat(AudioFile.cleanOriginalName("x".repeat(300))).hasSize(255);
    }

    @Test
    void theNameIsRequiredTrimmedAndBounded() {
        AudioFile file =
                new AudioFile(1, AudioKind.MUSIC, "  Облака ", "Oblaka.wav", 1000, 16044, NOW);
        assertThat(file.name()).isEqualTo("Облака");

        assertThatThrownBy(() -> file.rename(" "))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("name"));
        assertThatThrownBy(() -> file.rename("x".repeat(129))).isInstanceOf(RuleViolation.class);
        assertThat(file.name()).isEqualTo("Облака");
    }
}
