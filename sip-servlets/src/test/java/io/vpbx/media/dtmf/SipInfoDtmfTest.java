package io.vpbx.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.media.dtmf.SipInfoDtmf.Digit;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SipInfoDtmfTest {

    private static Optional<Digit> parse(String contentType, String body) {
        return SipInfoDtmf.parse(contentType, body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void ciscoAndLinksysRelayBody() {
        assertThat(parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))
                .contains(new Digit('5', 160));
    }

    @Test
    void grandstreamAndYealinkRelayBodyWithBlanksAndLf() {
        assertThat(parse("application/dtmf-relay", "Signal= 1\nDuration= 100\n"))
                .contains(new Digit('1', 100));
        assertThat(parse("application/dtmf-relay", "Signal = #\r\nDuration = 250"))
                .contains(new Digit('#', 250));
    }

    @Test
    void keysAreCaseInsensitiveAndOrderDoesNotMatter() {
        assertThat(parse("application/dtmf-relay", "duration=200\r\nSIGNAL=*\r\n"))
                .contains(new Digit('*', 200));
        assertThat(parse("application/dtmf-relay", "signal=a\r\n")).contains(new Digit('A', 0));
    }

    @Test
    void starAndPoundMaySpellTheirEventNumbers() {
        assertThat(parse("application/dtmf-relay", "Signal=10\r\nDuration=160\r\n"))
                .contains(new Digit('*', 160));
        assertThat(parse("application/dtmf-relay", "Signal=11\r\nDuration=160\r\n"))
                .contains(new Digit('#', 160));
    }

    @Test
    void aMissingOrMalformedDurationIsUnknownNotAnError() {
        assertThat(parse("application/dtmf-relay", "Signal=9\r\n")).contains(new Digit('9', 0));
        assertThat(parse("application/dtmf-relay", "Signal=9\r\nDuration=abc\r\n"))
                .contains(new Digit('9', 0));
        assertThat(parse("application/dtmf-relay", "Signal=9\r\nDuration=-5\r\n"))
                .contains(new Digit('9', 0));
    }

    @Test
    void contentTypeParametersAndCaseAreIgnored() {
        assertThat(parse("Application/DTMF-Relay; charset=UTF-8", "Signal=3\r\n"))
                .contains(new Digit('3', 0));
        assertThat(parse(" application/dtmf ;foo=bar", "7")).contains(new Digit('7', 0));
    }

    @Test
    void plainDtmfBodyIsTheKeyOrItsEventNumber() {
        assertThat(parse("application/dtmf", "4\r\n")).contains(new Digit('4', 0));
        assertThat(parse("application/dtmf", "#")).contains(new Digit('#', 0));
        assertThat(parse("application/dtmf", "10")).contains(new Digit('*', 0));
        assertThat(parse("application/dtmf", "11")).contains(new Digit('#', 0));
    }

    @Test
    void anythingElseIsNoDigit() {
        assertThat(parse("application/dtmf-relay", "")).isEmpty();
        assertThat(parse("application/dtmf-relay", "Duration=160\r\n")).isEmpty();
        assertThat(parse("application/dtmf-relay", "Signal=\r\n")).isEmpty();
        assertThat(parse("application/dtmf-relay", "Signal=16\r\n")).isEmpty(); // flash hook
        assertThat(parse("application/dtmf-relay", "Signal=55\r\n")).isEmpty();
        assertThat(parse("application/dtmf-relay", "Signal=E\r\n")).isEmpty();
        assertThat(parse("application/dtmf-relay", "5")).isEmpty();
        assertThat(parse("application/dtmf", "12345")).isEmpty();
        assertThat(parse("application/dtmf", "")).isEmpty();
        assertThat(parse("application/sdp", "Signal=5\r\n")).isEmpty();
        assertThat(parse("text/plain", "5")).isEmpty();
        assertThat(SipInfoDtmf.parse(null, new byte[] {'5'})).isEmpty();
        assertThat(SipInfoDtmf.parse("application/dtmf", null)).isEmpty();
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", new byte[] {(byte) 0xFF, 0, '='}))
                .isEmpty();
    }
}
