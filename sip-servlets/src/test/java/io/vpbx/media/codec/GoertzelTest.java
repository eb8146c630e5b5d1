package io.vpbx.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GoertzelTest {

    @Test
    void aPure1kHzToneIsAllAt1kHzAndNothingAt2kHz() {
        short[] tone = ToneGenerator.sine(1000, 8000, 160, 0.5);
        assertThat(Goertzel.power(tone, 0, 160, 1000, 8000)).isGreaterThan(0.9);
        assertThat(Goertzel.power(tone, 0, 160, 2000, 8000)).isLessThan(0.01);
    }

    @Test
    void twoEqualTonesShareTheEnergyHalfAndHalf() {
        short[] mix = ToneGenerator.dual(1000, 0.3, 2000, 0.3, 8000, 800);
        assertThat(Goertzel.power(mix, 0, 800, 1000, 8000)).isCloseTo(0.5, within(0.02));
        assertThat(Goertzel.power(mix, 0, 800, 2000, 8000)).isCloseTo(0.5, within(0.02));
        assertThat(Goertzel.power(mix, 0, 800, 1500, 8000)).isLessThan(0.01);
    }

    @Test
    void theRatioDoesNotDependOnLevel() {
        short[] loud = ToneGenerator.sine(1000, 8000, 400, 0.9);
        short[] quiet = ToneGenerator.sine(1000, 8000, 400, 0.01);
        assertThat(Goertzel.power(quiet, 0, 400, 1000, 8000))
                .isCloseTo(Goertzel.power(loud, 0, 400, 1000, 8000), within(0.01));
    }

    @Test
    void aToneThatIsNotAWholeNumberOfCyclesStillMeasuresNearOne() {
        short[] tone = ToneGenerator.sine(697, 8000, 205, 0.5);
        assertThat(Goertzel.power(tone, 0, 205, 697, 8000)).isGreaterThan(0.97);
    }

    @Test
    void silenceHasNoTone() {
        assertThat(Goertzel.power(new short[160], 0, 160, 1000, 8000)).isZero();
    }

    @Test
    void g711AudioIsMeasuredAfterDecoding() {
        short[] tone = ToneGenerator.sine(1000, 8000, 160, 0.5);
        byte[] ulaw = new byte[160];
        byte[] alaw = new byte[160];
        G711.encodeUlaw(tone, 0, 160, ulaw, 0);
        G711.encodeAlaw(tone, 0, 160, alaw, 0);
        assertThat(Goertzel.power(ulaw, false, 0, 160, 1000)).isGreaterThan(0.99);
        assertThat(Goertzel.power(alaw, true, 0, 160, 1000)).isGreaterThan(0.99);
        assertThat(Goertzel.power(ulaw, false, 0, 160, 2000)).isLessThan(0.01);
    }

    @Test
    void aFrequencyOutsideTheBandIsRefused() {
        short[] tone = new short[10];
        assertThatThrownBy(() -> Goertzel.power(tone, 0, 10, 4000, 8000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Goertzel.power(tone, 0, 10, 0, 8000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
