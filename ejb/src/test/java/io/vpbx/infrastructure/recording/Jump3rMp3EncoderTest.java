package io.vpbx.infrastructure.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class Jump3rMp3EncoderTest {
    private final Jump3rMp3Encoder encoder = new Jump3rMp3Encoder();

    @Test
    void aStereoTelephoneRecordingBecomesMpeg25Layer3OfTheSameLength() throws IOException {
        byte[] wav = TestWavs.stereoTones(7.0, 440, 1000);
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream();

        encoder.encode(new ByteArrayInputStream(wav), mp3);

        List<Mp3Frames.Frame> frames = Mp3Frames.walk(mp3.toByteArray());
        assertThat(frames).isNotEmpty();
        assertThat(frames)
                .allSatisfy(
                        f -> {
                            assertThat(f.sampleRate()).isEqualTo(8000);
                            assertThat(f.channels()).isEqualTo(2);
                            assertThat(f.bitRateKbps()).isEqualTo(Jump3rMp3Encoder.BIT_RATE_KBPS);
                        });
        double seconds = frames.size() * 576 / 8000.0;
        assertThat(seconds).isCloseTo(7.0, org.assertj.core.data.Offset.offset(0.3));
    }

    @Test
    void aMonoWavIsEncodedAsMono() throws IOException {
        byte[] pcm = new byte[8000 * 2 * 2];
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
        encoder.encode(new ByteArrayInputStream(TestWavs.wav(pcm, 1, 8000)), mp3);
        List<Mp3Frames.Frame> frames = Mp3Frames.walk(mp3.toByteArray());
        assertThat(frames).allSatisfy(f -> assertThat(f.channels()).isEqualTo(1));
        assertThat(frames.size() * 576 / 8000.0)
                .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.3));
    }

    @Test
    void anHourIsStreamedWithoutHoldingItInMemory() throws IOException {
        // 60 minutes of stereo PCM (about 115 MB) generated on the fly; the MP3 is only counted.
        long seconds = 3600;
        byte[] header = TestWavs.wav(new byte[0], 2, 8000);
        InputStream wav = new SequenceOfSilence(header, seconds * 8000 * 4);
        CountingStream mp3 = new CountingStream();
        long heapBefore = usedHeap();

        encoder.encode(wav, mp3);

        // 32 kbit/s: 4000 bytes a second, give or take the last frame.
        assertThat(mp3.count).isBetween(seconds * 4000 - 8000, seconds * 4000 + 8000);
        assertThat(usedHeap() - heapBefore).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void somethingElseThanAWavIsRefused() {
        assertThatThrownBy(
                        () ->
                                encoder.encode(
                                        new ByteArrayInputStream("not audio".getBytes()),
                                        new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        System.gc();
        return r.totalMemory() - r.freeMemory();
    }

    /** A WAV header followed by {@code length} bytes of silence, never materialised. */
    private static final class SequenceOfSilence extends InputStream {
        private final byte[] header;
        private final long length;
        private long position;

        SequenceOfSilence(byte[] header, long length) {
            this.header = header;
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = header.length + length;
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = p < header.length ? header[(int) p] : 0;
            }
            position += n;
            return n;
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
