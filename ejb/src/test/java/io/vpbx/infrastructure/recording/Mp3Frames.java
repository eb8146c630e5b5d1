package io.vpbx.infrastructure.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks an MP3 stream frame by frame from its headers (ISO 11172-3 §2.4.2.3, with the MPEG-2.5
 * extension), as a decoder would find them: every frame must start exactly where the previous one
 * ended, so a stream that walks to its end is well-formed.
 */
final class Mp3Frames {
    /** One frame header. */
    record Frame(int version, int layer, int bitRateKbps, int sampleRate, int channels, int size) {}

    private static final int[] BITRATES_V2_L3 = {
        0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0
    };
    private static final int[] RATES_V25 = {11025, 12000, 8000, 0};

    private Mp3Frames() {}

    static List<Frame> walk(byte[] mp3) {
        List<Frame> frames = new ArrayList<>();
        int at = skipId3(mp3);
        while (at + 4 <= mp3.length) {
            int b1 = mp3[at + 1] & 0xFF;
            int b2 = mp3[at + 2] & 0xFF;
            int b3 = mp3[at + 3] & 0xFF;
            if ((mp3[at] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
                throw new IllegalStateException("no frame sync at byte " + at);
            }
            int versionBits = (b1 >> 3) & 3; // 0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1
            int layerBits = (b1 >> 1) & 3; // 1: Layer III
            if (versionBits != 0 || layerBits != 1) {
                throw new IllegalStateException(
                        "not MPEG-2.5 Layer III at byte " + at + ": " + versionBits);
            }
            int bitRate = BITRATES_V2_L3[(b2 >> 4) & 0xF];
            int rate = RATES_V25[(b2 >> 2) & 3];
            int padding = (b2 >> 1) & 1;
            int channels = ((b3 >> 6) & 3) == 3 ? 1 : 2;
            // MPEG-2/2.5 Layer III: 576 samples per frame, so 72 * bitrate / rate bytes.
            int size = 72 * bitRate * 1000 / rate + padding;
            if (bitRate == 0 || rate == 0 || size < 4) {
                throw new IllegalStateException("bad header at byte " + at);
            }
            frames.add(new Frame(25, 3, bitRate, rate, channels, size));
            at += size;
        }
        if (at != mp3.length) {
            throw new IllegalStateException("stream ends inside a frame");
        }
        return frames;
    }

    private static int skipId3(byte[] mp3) {
        if (mp3.length > 10 && mp3[0] == 'I' && mp3[1] == 'D' && mp3[2] == '3') {
            int size =
                    ((mp3[6] & 0x7F) << 21)
                            | ((mp3[7] & 0x7F) << 14)
                            | ((mp3[8] & 0x7F) << 7)
                            | (mp3[9] & 0x7F);
            return 10 + size;
        }
        return 0;
    }
}
