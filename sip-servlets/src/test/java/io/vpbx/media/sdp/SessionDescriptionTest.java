package io.vpbx.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.media.api.SdpException;
import org.junit.jupiter.api.Test;

class SessionDescriptionTest {
    private static final String SNOM =
            "v=0\r\no=root 1 1 IN IP4 10.0.0.5\r\ns=call\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                    + "m=audio 49170 RTP/AVP 8 0 9 101\r\na=rtpmap:8 PCMA/8000\r\n"
                    + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:9 G722/8000\r\n"
                    + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\n"
                    + "a=sendrecv\r\n"
                    + "m=video 49172 RTP/AVP 99\r\na=rtpmap:99 H264/90000\r\n";

    @Test
    void theAudioStreamOfAPhonesOfferWithFormatsInOrder() throws SdpException {
        MediaLine audio = SessionDescription.parse(SNOM).audio();

        assertThat(audio.address()).isEqualTo("10.0.0.5");
        assertThat(audio.port()).isEqualTo(49170);
        assertThat(audio.formats()).containsExactly(8, 0, 9, 101);
        assertThat(audio.payloadType("telephone-event")).isEqualTo(101);
        assertThat(audio.payloadType("pcmu")).isZero();
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.holds()).isFalse();
    }

    @Test
    void staticPayloadTypesNeedNoRtpmapAndLineFeedsAlone() throws SdpException {
        MediaLine audio =
                SessionDescription.parse(
                                "v=0\no=- 1 1 IN IP4 1.2.3.4\ns=-\nc=IN IP4 1.2.3.4\nt=0 0\n"
                                        + "m=audio 4000 RTP/AVP 0 8\n")
                        .audio();

        assertThat(audio.encoding(0)).isEqualTo("pcmu");
        assertThat(audio.encoding(8)).isEqualTo("pcma");
    }

    @Test
    void holdIsSendonlyInactiveOrTheOldZeroAddress() throws SdpException {
        String base = "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n";
        assertThat(
                        SessionDescription.parse(
                                        base
                                                + "c=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0\r\na=sendonly\r\n")
                                .audio()
                                .holds())
                .isTrue();
        assertThat(
                        SessionDescription.parse(
                                        base
                                                + "a=inactive\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0\r\n")
                                .audio()
                                .holds())
                .as("a session-level direction applies to the stream")
                .isTrue();
        assertThat(
                        SessionDescription.parse(
                                        base + "c=IN IP4 0.0.0.0\r\nm=audio 4000 RTP/AVP 0\r\n")
                                .audio()
                                .holds())
                .isTrue();
    }

    @Test
    void onlyPlainRtpAudioIsUsable() throws SdpException {
        String srtp =
                "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n"
                        + "m=audio 4000 RTP/SAVP 0\r\n";
        assertThat(SessionDescription.parse(srtp).audio()).isNull();
    }

    @Test
    void malformedDescriptionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> SessionDescription.parse("")).isInstanceOf(SdpException.class);
        assertThatThrownBy(() -> SessionDescription.parse("hello world"))
                .isInstanceOf(SdpException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(
                        () -> SessionDescription.parse("v=0\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\n"))
                .hasMessageContaining("no connection address");
        assertThatThrownBy(
                        () ->
                                SessionDescription.parse(
                                        "v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 99999 RTP/AVP 0\r\n"))
                .hasMessageContaining("port out of range");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\n" + "a=x\r\n".repeat(4000)))
                .hasMessageContaining("too long");
    }
}
