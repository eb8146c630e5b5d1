package io.vpbx.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpTest {
    private static byte[] packet(int first, int second, int length) {
        byte[] p = new byte[length];
        p[0] = (byte) first;
        p[1] = (byte) second;
        return p;
    }

    @Test
    void aPlainPacketHasItsPayloadAfterTwelveBytes() {
        byte[] p = new byte[172];
        Rtp.writeHeader(p, true, 8, 65535, 0x80000001, 0xCAFEBABE);

        assertThat(Rtp.valid(p, 172)).isTrue();
        assertThat(Rtp.marker(p)).isTrue();
        assertThat(Rtp.payloadType(p)).isEqualTo(8);
        assertThat(Rtp.sequence(p)).isEqualTo(65535);
        assertThat(Rtp.timestamp(p)).isEqualTo(0x80000001);
        assertThat(Rtp.ssrc(p)).isEqualTo(0xCAFEBABE);
        assertThat(Rtp.payloadOffset(p, 172)).isEqualTo(12);
        assertThat(Rtp.payloadLength(p, 172)).isEqualTo(160);
    }

    @Test
    void csrcsExtensionAndPaddingAreSkipped() {
        // Two CSRCs (8 bytes), an extension of one word (4 + 4 bytes), 160 bytes payload, 4
        // padding.
        byte[] p = packet(0x80 | 0x20 | 0x10 | 2, 0, 12 + 8 + 8 + 160 + 4);
        p[12 + 8 + 3] = 1; // extension length: one 32-bit word
        p[p.length - 1] = 4;

        assertThat(Rtp.payloadOffset(p, p.length)).isEqualTo(28);
        assertThat(Rtp.payloadLength(p, p.length)).isEqualTo(160);
        assertThat(Rtp.valid(p, p.length)).isTrue();
    }

    @Test
    void malformedPacketsAreNotRtp() {
        assertThat(Rtp.valid(packet(0x80, 0, 11), 11)).as("shorter than a header").isFalse();
        assertThat(Rtp.valid(packet(0x40, 0, 172), 172)).as("version 1").isFalse();
        assertThat(Rtp.valid(packet(0x8F, 0, 20), 20)).as("15 CSRCs in 20 bytes").isFalse();
        byte[] padded = packet(0xA0, 0, 14);
        padded[13] = 100;
        assertThat(Rtp.valid(padded, 14)).as("padding longer than the packet").isFalse();
    }

    @Test
    void theDemultiplexerTellsEveryRtcpTypeFromEveryAudioAndEventType() {
        int rtcp = 0;
        int rtp = 0;
        for (int second = 0; second < 256; second++) {
            if (Rtp.isRtcp(packet(0x80, second, 12), 12)) {
                rtcp++;
            } else {
                rtp++;
            }
        }
        // RFC 5761 §4: 192-223 are RTCP (SR 200, RR 201, SDES 202, BYE 203, ...), nothing else.
        assertThat(rtcp).isEqualTo(32);
        assertThat(rtp).isEqualTo(224);
        assertThat(Rtp.isRtcp(packet(0x80, 200, 28), 28)).isTrue();
        assertThat(Rtp.isRtcp(packet(0x80, 0x80 | 101, 16), 16))
                .as("a telephone-event with the marker")
                .isFalse();
        assertThat(Rtp.isRtcp(packet(0x80, 0x80 | 8, 172), 172)).isFalse();
    }
}
