package io.vpbx.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.media.api.Codec;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.MediaListener;
import io.vpbx.media.api.MediaSession;
import io.vpbx.media.api.MediaSettings;
import io.vpbx.media.api.SdpException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our side of the offer/answer (RFC 3264) for one endpoint. */
class EndpointNegotiationTest {
    private static final String HEAD =
            "v=0\r\no=- 7 7 IN IP4 10.1.1.1\r\ns=-\r\nc=IN IP4 10.1.1.1\r\nt=0 0\r\n";

    private RtpEngine engine;
    private MediaSession session;

    @BeforeEach
    void start() throws Exception {
        engine =
                new RtpEngine(
                        new MediaSettings(
                                "127.0.0.1",
                                "192.0.2.10",
                                19000 + 100 * (int) (ProcessHandle.current().pid() % 10),
                                100,
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(600),
                                1));
        session = engine.openSession("neg", new MediaListener() {});
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void theAnswerMirrorsEveryOfferedLineAndRefusesVideoWithPortZero() throws Exception {
        Endpoint a = session.newEndpoint();
        a.remoteOffer(
                HEAD
                        + "m=audio 5004 RTP/AVP 8 0 96\r\na=rtpmap:96 telephone-event/8000\r\n"
                        + "m=video 5006 RTP/AVP 99\r\na=rtpmap:99 H264/90000\r\n");

        String answer = a.localAnswer(Codec.PCMU);

        assertThat(answer)
                .contains("c=IN IP4 192.0.2.10\r\n")
                .contains("m=audio " + a.port() + " RTP/AVP 0 96\r\n")
                .contains("a=rtpmap:96 telephone-event/8000\r\n")
                .contains("m=video 0 RTP/AVP 99\r\n");
        assertThat(answer.indexOf("m=audio")).isLessThan(answer.indexOf("m=video"));
        assertThat(a.codec())
                .as("the preferred codec, since the phone offered it")
                .isEqualTo(Codec.PCMU);
        assertThat(a.preferredCodec()).isEqualTo(Codec.PCMA);
    }

    @Test
    void withoutThePreferredCodecThePhonesFirstIsAnswered() throws Exception {
        Endpoint a = session.newEndpoint();
        a.remoteOffer(HEAD + "m=audio 5004 RTP/AVP 8\r\n");

        assertThat(a.localAnswer(Codec.PCMU))
                .contains("RTP/AVP 8\r\n")
                .doesNotContain("telephone-event");
        assertThat(a.codec()).isEqualTo(Codec.PCMA);
    }

    @Test
    void anOfferWithoutG711IsRefused() throws Exception {
        Endpoint a = session.newEndpoint();
        assertThatThrownBy(
                        () ->
                                a.remoteOffer(
                                        HEAD
                                                + "m=audio 5004 RTP/AVP 9 18\r\na=rtpmap:9 G722/8000\r\n"))
                .isInstanceOf(SdpException.class)
                .hasMessageContaining("neither PCMU nor PCMA");
    }

    @Test
    void holdIsAnsweredRecvonlyAndTheVersionGoesUpOnlyWhenTheDescriptionChanges() throws Exception {
        Endpoint a = session.newEndpoint();
        a.remoteOffer(HEAD + "m=audio 5004 RTP/AVP 0\r\n");
        String first = a.localAnswer(null);
        a.remoteOffer(HEAD + "m=audio 5004 RTP/AVP 0\r\n");
        String same = a.localAnswer(null);
        a.remoteOffer(HEAD + "m=audio 5004 RTP/AVP 0\r\na=sendonly\r\n");
        String hold = a.localAnswer(null);

        assertThat(origin(same)).isEqualTo(origin(first));
        assertThat(hold).contains("a=recvonly\r\n");
        assertThat(a.holding()).isTrue();
        assertThat(version(hold)).isEqualTo(version(first) + 1);
    }

    private static String origin(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow();
    }

    private static long version(String sdp) {
        return Long.parseLong(origin(sdp).split(" ")[2]);
    }
}
