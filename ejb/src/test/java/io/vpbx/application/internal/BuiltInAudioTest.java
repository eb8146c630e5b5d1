package io.vpbx.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prompts and music in the jar are in the internal format, and the music is findable at 440 Hz.
 */
class BuiltInAudioTest {
    private static byte[] resource(String path) throws IOException {
        try (InputStream in =
                BuiltInAudioTest.class.getResourceAsStream("/io/vpbx/prompts/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static void assertInternalFormat(byte[] wav) {
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(le(wav, 20, 2)).as("PCM").isEqualTo(1);
        assertThat(le(wav, 22, 2)).as("mono").isEqualTo(1);
        assertThat(le(wav, 24, 4)).as("8 kHz").isEqualTo(8000);
        assertThat(le(wav, 34, 2)).as("16-bit").isEqualTo(16);
        assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        assertThat(le(wav, 40, 4)).isEqualTo(wav.length - 44);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void everyPromptShipsInTheInternalFormat(String language) throws IOException {
        for (String prompt : DefaultMediaFiles.PROMPTS) {
            byte[] wav = resource(language + "/" + prompt + ".wav");
            assertInternalFormat(wav);
            // Spoken, so longer than half a second and not silent.
            assertThat(wav.length - 44).as(prompt).isGreaterThan(8000);
            assertThat(peak(wav)).as(prompt).isGreaterThan(10000);
        }
    }

    @Test
    void theDefaultMusicIsTwentySecondsDominatedByA440InEvery100Ms() throws IOException {
        byte[] wav = resource("music/default.wav");
        assertInternalFormat(wav);
        short[] s = samples(wav);
        assertThat(s.length).isEqualTo(20 * 8000);
        double[] others = {110, 220, 329.63, 369.99, 493.88, 554.37, 587.33, 659.26, 739.99, 880};
        for (int from = 0; from + 800 <= s.length; from += 400) {
            double a4 = power(s, from, 800, 440);
            assertThat(a4).as("440 Hz at %d ms", from / 8).isGreaterThan(0.005);
            for (double other : others) {
                assertThat(power(s, from, 800, other))
                        .as("%s Hz against 440 Hz at %d ms", other, from / 8)
                        .isLessThan(a4 / 2);
            }
        }
    }

    private static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static short[] samples(byte[] wav) {
        short[] s = new short[(wav.length - 44) / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((wav[44 + 2 * i] & 0xFF) | (wav[45 + 2 * i] << 8));
        }
        return s;
    }

    private static int peak(byte[] wav) {
        int peak = 0;
        for (short v : samples(wav)) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }

    /** Goertzel power of {@code hz} in a window, normalised (a full-scale sine gives 0.25). */
    private static double power(short[] s, int from, int n, double hz) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / 8000);
        double q1 = 0;
        double q2 = 0;
        for (int i = from; i < from + n; i++) {
            double q0 = coeff * q1 - q2 + s[i] / 32768.0;
            q2 = q1;
            q1 = q0;
        }
        return (q1 * q1 + q2 * q2 - coeff * q1 * q2) / ((double) n * n);
    }
}
