package io.vpbx.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

    @Test
    void aSineStartsAtZeroAndPeaksAtTheRequestedAmplitude() {
        short[] tone = ToneGenerator.sine(1000, 8000, 8, 0.5);
        // 8 samples per cycle at 1 kHz / 8 kHz: 0, +√½, 1, +√½, 0, -√½, -1, -√½ times 16383.5,
        // rounded half up.
        assertThat(tone).containsExactly(0, 11585, 16384, 11585, 0, -11585, -16383, -11585);
    }

    @Test
    void twoTonesAtFullScaleAreClippedNotWrapped() {
        short[] sum = ToneGenerator.dual(1000, 1.0, 1000, 1.0, 8000, 8);
        assertThat(sum[2]).isEqualTo(Short.MAX_VALUE);
        assertThat(sum[6]).isEqualTo(Short.MIN_VALUE);
    }

    @Test
    void anAmplitudeAboveFullScaleIsRefused() {
        assertThatThrownBy(() -> ToneGenerator.sine(1000, 8000, 8, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
