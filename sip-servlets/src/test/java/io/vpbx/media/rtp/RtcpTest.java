package io.vpbx.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtcpTest {
    private static int word(byte[] p, int at) {
        return Rtp.readInt(p, at);
    }

    @Test
    void aSenderReportWithOneBlockAndTheCname() {
        ReceiveStatistics received = new ReceiveStatistics();
        for (int i = 0; i < 10; i++) {
            if (i != 5) {
                received.packet(0x0BADF00D, 100 + i, 160 * i, 160L * i);
            }
        }
        byte[] out = new byte[256];
        long ntp = Rtcp.ntp(1_700_000_000_500L);

        int length =
                Rtcp.writeReport(
                        out,
                        0x11223344,
                        ntp,
                        12345,
                        50,
                        8000,
                        received,
                        0xAABBCCDDL,
                        65536,
                        Rtcp.cname("vpbx@192.0.2.1"));

        // SR: 4 header + 4 SSRC + 20 sender info + 24 report block; SDES: 4 + 4 + 2 + 14 + 1 → 28.
        assertThat(length).isEqualTo(52 + 28);
        assertThat(Rtcp.valid(out, length)).isTrue();
        assertThat(out[0] & 0xFF).as("V=2, one report block").isEqualTo(0x81);
        assertThat(out[1] & 0xFF).isEqualTo(Rtcp.SR);
        assertThat(word(out, 4)).isEqualTo(0x11223344);
        assertThat(word(out, 8)).as("NTP seconds").isEqualTo((int) (ntp >>> 32));
        assertThat(word(out, 16)).as("RTP time").isEqualTo(12345);
        assertThat(word(out, 20)).as("packets").isEqualTo(50);
        assertThat(word(out, 24)).as("octets").isEqualTo(8000);
        assertThat(word(out, 28)).as("the source reported on").isEqualTo(0x0BADF00D);
        assertThat(word(out, 32) & 0xFFFFFF).as("cumulative lost").isEqualTo(1);
        assertThat(word(out, 32) >>> 24).as("fraction lost, 1 of 10").isEqualTo(25);
        assertThat(word(out, 36)).as("extended highest sequence").isEqualTo(109);
        assertThat(word(out, 44)).as("LSR").isEqualTo(0xAABBCCDD);
        assertThat(word(out, 48)).as("DLSR").isEqualTo(65536);
        assertThat(out[53] & 0xFF).isEqualTo(Rtcp.SDES);
        assertThat(new String(out, 62, 14, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("vpbx@192.0.2.1");
        assertThat(Rtcp.lastSenderReport(out, length))
                .as("the middle of our NTP time, what the phone echoes as LSR")
                .isEqualTo((ntp >>> 16) & 0xFFFFFFFFL);
    }

    @Test
    void aReceiverReportBeforeAnythingWasSentOrReceived() {
        byte[] out = new byte[128];

        int length =
                Rtcp.writeReport(
                        out, 1, 0, 0, 0, 0, new ReceiveStatistics(), 0, 0, Rtcp.cname("x"));

        assertThat(out[1] & 0xFF).isEqualTo(Rtcp.RR);
        assertThat(out[0] & 0x1F).as("no report block").isZero();
        assertThat(length).isEqualTo(8 + 12);
        assertThat(Rtcp.valid(out, length)).isTrue();
        assertThat(Rtcp.lastSenderReport(out, length)).isEqualTo(-1);
    }

    @Test
    void aCompoundPacketThatDoesNotAddUpIsInvalid() {
        byte[] out = new byte[128];
        int length = Rtcp.writeReport(out, 1, 0, 0, 0, 0, null, 0, 0, Rtcp.cname("x"));

        assertThat(Rtcp.valid(out, length - 4)).isFalse();
        out[1] = (byte) Rtcp.SDES;
        assertThat(Rtcp.valid(out, length)).as("must start with SR or RR").isFalse();
    }
}
