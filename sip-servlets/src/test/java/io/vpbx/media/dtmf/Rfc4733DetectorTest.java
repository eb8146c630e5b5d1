package io.vpbx.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rfc4733DetectorTest {
    /** A delivered press, as "digit/duration" so that a failing list reads at a glance. */
    private final List<String> delivered = new ArrayList<>();

    private final DtmfListener listener =
            (digit, duration) -> delivered.add(digit + "/" + duration);
    private final Rfc4733Detector detector = new Rfc4733Detector();

    /** RFC 4733 §2.3: event, E|R|volume, duration (network order). Volume 10 (-10 dBm0). */
    private static byte[] payload(int event, boolean end, int duration) {
        return new byte[] {
            (byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration
        };
    }

    private void send(int timestamp, int event, boolean end, int duration) {
        byte[] payload = payload(event, end, duration);
        detector.packet(timestamp, false, payload, 0, payload.length, listener);
    }

    /**
     * What a typical phone sends for one press at 8 kHz: a start packet with the marker bit, an
     * update every 20 ms, and the final packet three times (RFC 4733 §2.5.1).
     */
    private void press(int timestamp, int event, int durationSamples) {
        byte[] start = payload(event, false, 160);
        detector.packet(timestamp, true, start, 0, 4, listener);
        for (int d = 320; d < durationSamples; d += 160) {
            send(timestamp, event, false, d);
        }
        for (int i = 0; i < 3; i++) {
            send(timestamp, event, true, durationSamples);
        }
    }

    @Test
    void aPressWithThreeEndRetransmissionsIsDeliveredOnceAtItsFirstPacket() {
        byte[] start = payload(5, false, 160);
        detector.packet(8000, true, start, 0, 4, listener);
        assertThat(delivered).containsExactly("5/160");

        for (int d = 320; d <= 800; d += 160) {
            send(8000, 5, false, d);
        }
        send(8000, 5, true, 960);
        send(8000, 5, true, 960);
        send(8000, 5, true, 960);

        assertThat(delivered).containsExactly("5/160");
    }

    @Test
    void theSameKeyPressedTwiceIsTwoDigits() {
        press(8000, 1, 800);
        press(8000 + 800 + 480, 1, 800);

        assertThat(delivered).containsExactly("1/160", "1/160");
    }

    @Test
    void aSequenceIsDeliveredInOrder() {
        press(1000, 1, 640);
        press(3000, 2, 800);
        press(5000, 3, 960);
        press(7000, 11, 640);

        assertThat(delivered).extracting(s -> s.charAt(0)).containsExactly('1', '2', '3', '#');
    }

    @Test
    void aLongPressSplitIntoSegmentsIsOneDigit() {
        // RFC 4733 §2.5.1.3: updates every 50 ms (400 samples) until the next would exceed 0xFFFF
        // (65 200 is the last that fits), then a new segment at timestamp + 65 200, no E bit.
        int segmentStart = 1000;
        for (int d = 400; d <= 65200; d += 400) {
            send(segmentStart, 0, false, d);
        }
        int second = segmentStart + 65200;
        for (int d = 400; d <= 65200; d += 400) {
            send(second, 0, false, d);
        }
        int third = second + 65200;
        for (int d = 400; d <= 4000; d += 400) {
            send(third, 0, false, d);
        }
        send(third, 0, true, 4000);
        send(third, 0, true, 4000);
        send(third, 0, true, 4000);

        assertThat(delivered).containsExactly("0/400");
    }

    @Test
    void aLongPressIsOneDigitEvenWhenTheEndOfASegmentWasLost() {
        for (int d = 400; d <= 60000; d += 400) {
            send(1000, 9, false, d);
        }
        // The packets from 60 400 to 65 200 were lost; the next segment starts at +65 200.
        send(1000 + 65200, 9, false, 400);
        send(1000 + 65200, 9, true, 800);

        assertThat(delivered).containsExactly("9/400");
    }

    @Test
    void aPressWhoseStartAndUpdatesWereLostIsDeliveredFromItsEndPacket() {
        send(16000, 7, true, 1280);
        send(16000, 7, true, 1280);
        send(16000, 7, true, 1280);

        assertThat(delivered).containsExactly("7/1280");
    }

    @Test
    void aRepeatedKeyWhoseEndPacketsWereAllLostIsStillTwoDigits() {
        for (int d = 160; d <= 800; d += 160) {
            send(8000, 4, false, d);
        }
        for (int d = 160; d <= 800; d += 160) {
            send(8000 + 2400, 4, false, d);
        }

        assertThat(delivered).containsExactly("4/160", "4/160");
    }

    @Test
    void duplicatedPacketsAreAbsorbed() {
        for (int i = 0; i < 2; i++) {
            send(8000, 2, false, 160);
            send(8000, 2, false, 320);
            send(8000, 2, true, 480);
        }
        for (int i = 0; i < 2; i++) {
            send(9600, 3, false, 160);
            send(9600, 3, true, 480);
        }

        assertThat(delivered).containsExactly("2/160", "3/160");
    }

    @Test
    void aLateOrReorderedPacketOfAnOlderEventIsDropped() {
        press(1000, 1, 640);
        press(3000, 2, 640);

        send(1000, 1, true, 640); // late end packet of the delivered '1'
        send(2000, 6, true, 640); // a '6' never seen, but older than the '2': reporting it now
        // would put it after the '2', i.e. reorder the caller's input

        assertThat(delivered).containsExactly("1/160", "2/160");
    }

    @Test
    void timestampsWrapAroundAt32Bits() {
        int beforeWrap = 0xFFFFFE70; // 400 samples before the wrap
        press(beforeWrap, 7, 640);
        press(beforeWrap + 1200, 8, 640); // 0x00000320 after the wrap
        send(beforeWrap, 7, true, 640); // still recognised as older

        assertThat(delivered).containsExactly("7/160", "8/160");
    }

    @Test
    void redundantBlocksFedOldestFirstRecoverALostPressWithoutDuplicates() {
        // RFC 2198 packets carrying the previous event's end as a redundant block, unpacked by the
        // caller with each block's own timestamp; the '4' packets themselves were all lost.
        send(4000, 4, true, 800); // redundant block of the first RED packet
        send(6000, 5, false, 160); // primary block
        send(4000, 4, true, 800); // the same redundant block again in the next RED packet
        send(6000, 5, false, 320);

        assertThat(delivered).containsExactly("4/800", "5/160");
    }

    @Test
    void shortPayloadsAndNonDtmfEventsAreIgnored() {
        detector.packet(1000, true, new byte[] {5, 0, 0}, 0, 3, listener);
        send(1000, 16, false, 160); // flash hook
        send(1000, 255, true, 160);
        detector.packet(1000, true, null, 0, 4, listener);
        send(2000, 15, false, 160);

        assertThat(delivered).containsExactly("D/160");
    }

    @Test
    void thePayloadMayStartAtAnOffset() {
        byte[] rtp = new byte[16];
        System.arraycopy(payload(10, false, 320), 0, rtp, 12, 4);
        detector.packet(500, true, rtp, 12, 4, listener);

        assertThat(delivered).containsExactly("*/320");
    }

    @Test
    void afterAResetTimestampsMayStartAnywhere() {
        press(100000, 1, 640);
        detector.reset();
        press(50, 2, 640);

        assertThat(delivered).containsExactly("1/160", "2/160");
    }
}
