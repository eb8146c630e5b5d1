package io.vpbx.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DtmfDigitTest {

    @Test
    void eventCodesFollowRfc4733() {
        StringBuilder keys = new StringBuilder();
        for (int event = 0; event <= 15; event++) {
            keys.append(DtmfDigit.ofEvent(event));
        }
        assertThat(keys).hasToString("0123456789*#ABCD");
    }

    @Test
    void everyKeyMapsBackToItsEvent() {
        for (int event = 0; event <= 15; event++) {
            assertThat(DtmfDigit.eventOf(DtmfDigit.ofEvent(event))).isEqualTo(event);
        }
        assertThat(DtmfDigit.eventOf('d')).isEqualTo(15);
    }

    @Test
    void keysHaveTheirQ23FrequencyPair() {
        assertThat(DtmfDigit.ofSymbol('1'))
                .extracting(DtmfDigit::lowHz, DtmfDigit::highHz)
                .containsExactly(697, 1209);
        assertThat(DtmfDigit.ofSymbol('#'))
                .extracting(DtmfDigit::lowHz, DtmfDigit::highHz)
                .containsExactly(941, 1477);
        assertThat(DtmfDigit.ofSymbol('D'))
                .extracting(DtmfDigit::lowHz, DtmfDigit::highHz)
                .containsExactly(941, 1633);
    }

    @Test
    void somethingThatIsNotAKeyIsRefused() {
        assertThatThrownBy(() -> DtmfDigit.ofEvent(16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtmfDigit.ofEvent(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtmfDigit.eventOf('E'))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DtmfDigit.isSymbol('E')).isFalse();
        assertThat(DtmfDigit.isSymbol('#')).isTrue();
    }
}
