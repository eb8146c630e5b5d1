package io.vpbx.infrastructure.audio;

import static io.vpbx.infrastructure.audio.TestAudio.power;
import static io.vpbx.infrastructure.audio.TestAudio.samplesOf;
import static io.vpbx.infrastructure.audio.TestAudio.sinePcm16;
import static io.vpbx.infrastructure.audio.TestAudio.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vpbx.application.media.TranscodedAudio;
import io.vpbx.model.media.AudioRejected;
import io.vpbx.model.media.AudioRejected.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioConverterTest {
    private final AudioConverter converter = new AudioConverter();

    private TranscodedAudio convert(byte[] upload) {
        return converter.toInternalFormat(new ByteArrayInputStream(upload));
    }

    private void assertRejected(byte[] upload, Reason reason) {
        assertThatThrownBy(() -> convert(upload))
                .isInstanceOfSatisfying(
                        AudioRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** The header every output must have: PCM, mono, 8000 Hz, 16-bit, sizes consistent. */
    private static void assertInternalFormat(byte[] out) {
        assertThat(new String(out, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(out, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(le(out, 16, 4)).isEqualTo(16);
        assertThat(le(out, 20, 2)).as("PCM").isEqualTo(1);
        assertThat(le(out, 22, 2)).as("channels").isEqualTo(1);
        assertThat(le(out, 24, 4)).as("rate").isEqualTo(8000);
        assertThat(le(out, 28, 4)).as("byte rate").isEqualTo(16000);
        assertThat(le(out, 32, 2)).as("block align").isEqualTo(2);
        assertThat(le(out, 34, 2)).as("bits").isEqualTo(16);
        assertThat(new String(out, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        assertThat(le(out, 40, 4)).isEqualTo(out.length - 44);
        assertThat(le(out, 4, 4)).isEqualTo(out.length - 8);
    }

    private static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    /** The tone at {@code hz} dominates 100 ms windows across the output (skipping the edges). */
    private static void assertDominantTone(short[] s, double hz) {
        for (int from = 800; from + 800 <= s.length - 800; from += 800) {
            double tone = power(s, from, 800, hz, 8000);
            for (double other : new double[] {hz / 2, hz * 1.5, hz * 2, 3000, 250}) {
                assertThat(power(s, from, 800, other, 8000))
                        .as("%s Hz vs %s Hz at sample %d", other, hz, from)
                        .isLessThan(tone / 1000);
            }
        }
    }

    @Test
    void aStereo44k1SineBecomesAn8kMonoSineOfTheSameFrequency() {
        byte[] upload = wav(1, 2, 44100, 16, sinePcm16(1000, 44100, 2, 2.0, 0.5));

        TranscodedAudio audio = convert(upload);

        assertInternalFormat(audio.wav());
        short[] s = samplesOf(audio.wav());
        assertThat(s.length).isEqualTo(16000);
        assertThat(audio.durationMs()).isEqualTo(2000);
        assertDominantTone(s, 1000);
        // Amplitude kept: a sine of 0.5 full scale has Goertzel power 0.5² / 4.
        assertThat(power(s, 4000, 800, 1000, 8000)).isCloseTo(0.0625, within(0.005));
        assertThat(audio.sourceFormat()).isEqualTo("WAV PCM 16-bit 44100 Hz 2 ch");
    }

    @ParameterizedTest
    @ValueSource(ints = {8000, 11025, 16000, 22050, 32000, 48000, 96000, 6000})
    void everyCommonRateKeepsTheTone(int rate) {
        TranscodedAudio audio = convert(wav(1, 1, rate, 16, sinePcm16(440, rate, 1, 1.0, 0.3)));

        short[] s = samplesOf(audio.wav());
        assertThat(s.length).isCloseTo(8000, within(1));
        assertDominantTone(s, 440);
    }

    @Test
    void theLowPassKeepsToneAboveFourKilohertzFromAliasing() {
        // 6 kHz would fold to 2 kHz at 8 kHz without the filter.
        TranscodedAudio audio = convert(wav(1, 1, 44100, 16, sinePcm16(6000, 44100, 1, 1.0, 0.9)));

        short[] s = samplesOf(audio.wav());
        double input = 0.9 * 0.9 / 4;
        assertThat(power(s, 2000, 4000, 2000, 8000)).isLessThan(input * 1e-6);
    }

    @Test
    void eightAndTwentyFourBitPcmAreRead() {
        byte[] pcm16 = sinePcm16(1000, 16000, 1, 1.0, 0.5);
        byte[] pcm8 = new byte[pcm16.length / 2];
        byte[] pcm24 = new byte[pcm16.length / 2 * 3];
        for (int i = 0; i < pcm8.length; i++) {
            pcm8[i] = (byte) (pcm16[2 * i + 1] + 128);
            pcm24[3 * i] = 0;
            pcm24[3 * i + 1] = pcm16[2 * i];
            pcm24[3 * i + 2] = pcm16[2 * i + 1];
        }

        assertDominantTone(samplesOf(convert(wav(1, 1, 16000, 8, pcm8)).wav()), 1000);
        assertDominantTone(samplesOf(convert(wav(1, 1, 16000, 24, pcm24)).wav()), 1000);
    }

    @Test
    void muLawAndALawWavsAreExpanded() {
        byte[] pcm = sinePcm16(1000, 8000, 1, 1.0, 0.5);
        byte[] ulaw = new byte[pcm.length / 2];
        byte[] alaw = new byte[pcm.length / 2];
        for (int i = 0; i < ulaw.length; i++) {
            short v = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
            ulaw[i] = nearest(v, true);
            alaw[i] = nearest(v, false);
        }

        short[] fromUlaw = samplesOf(convert(wav(7, 1, 8000, 8, ulaw)).wav());
        short[] fromAlaw = samplesOf(convert(wav(6, 1, 8000, 8, alaw)).wav());

        assertDominantTone(fromUlaw, 1000);
        assertDominantTone(fromAlaw, 1000);
        assertThat(power(fromUlaw, 800, 800, 1000, 8000)).isCloseTo(0.0625, within(0.005));
        assertThat(power(fromAlaw, 800, 800, 1000, 8000)).isCloseTo(0.0625, within(0.005));
    }

    /**
     * The G.711 code whose expansion is closest to {@code v} (brute force keeps the test honest).
     */
    private static byte nearest(short v, boolean ulaw) {
        int best = 0;
        for (int code = 0; code < 256; code++) {
            int e = ulaw ? G711.ulaw((byte) code) : G711.alaw((byte) code);
            int b = ulaw ? G711.ulaw((byte) best) : G711.alaw((byte) best);
            if (Math.abs(e - v) < Math.abs(b - v)) {
                best = code;
            }
        }
        return (byte) best;
    }

    @Test
    void g711ExpansionMatchesTheStandardTables() {
        assertThat(G711.ulaw((byte) 0xFF)).isZero();
        assertThat(G711.ulaw((byte) 0x80)).isEqualTo(32124);
        assertThat(G711.ulaw((byte) 0x00)).isEqualTo(-32124);
        assertThat(G711.alaw((byte) 0xD5)).isEqualTo(8);
        assertThat(G711.alaw((byte) 0xAA)).isEqualTo(32256);
        assertThat(G711.alaw((byte) 0x2A)).isEqualTo(-32256);
    }

    @Test
    void aMonoMp3IsDecodedToTheInternalFormat() throws IOException {
        TranscodedAudio audio = convert(resource("tone-1khz-mono.mp3"));

        assertInternalFormat(audio.wav());
        // 2 s of audio plus the encoder's padding.
        assertThat(audio.durationMs()).isBetween(2000L, 2150L);
        assertDominantTone(samplesOf(audio.wav()), 1000);
        assertThat(audio.sourceFormat()).isEqualTo("MP3 22050 Hz 1 ch");
    }

    @Test
    void aStereoMp3IsDecodedToTheInternalFormat() throws IOException {
        TranscodedAudio audio = convert(resource("tone-1khz-48k-stereo.mp3"));

        assertThat(audio.durationMs()).isBetween(1000L, 1150L);
        assertDominantTone(samplesOf(audio.wav()), 1000);
        assertThat(audio.sourceFormat()).isEqualTo("MP3 48000 Hz 2 ch");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AudioConverterTest.class.getResourceAsStream("/audio/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aTextFileNamedWavIsTheWrongType() {
        assertRejected(
                "This is not audio, whatever its name (notes.wav) says.\n"
                        .getBytes(StandardCharsets.UTF_8),
                Reason.WRONG_TYPE);
    }

    @Test
    void aRiffFileThatIsNotWaveIsTheWrongType() {
        byte[] avi = wav(1, 1, 8000, 16, new byte[100]);
        avi[8] = 'A';
        avi[9] = 'V';
        avi[10] = 'I';
        avi[11] = ' ';
        assertRejected(avi, Reason.WRONG_TYPE);
    }

    @Test
    void anUnsupportedWavEncodingIsTheWrongType() {
        // Format tag 2: Microsoft ADPCM.
        assertRejected(wav(2, 1, 8000, 4, new byte[100]), Reason.WRONG_TYPE);
    }

    @Test
    void aFileCutInsideItsHeaderIsCorrupt() {
        byte[] whole = wav(1, 1, 8000, 16, sinePcm16(1000, 8000, 1, 0.5, 0.5));
        assertRejected(Arrays.copyOf(whole, 30), Reason.CORRUPT);
        assertRejected(Arrays.copyOf(whole, 10), Reason.CORRUPT);
    }

    @Test
    void aFileCutInsideItsSamplesIsCorrupt() {
        byte[] whole = wav(1, 1, 8000, 16, sinePcm16(1000, 8000, 1, 0.5, 0.5));
        assertRejected(Arrays.copyOf(whole, whole.length - 100), Reason.CORRUPT);
    }

    @Test
    void absurdHeaderValuesAreCorruptNotAnOutOfMemoryError() {
        byte[] zeroChannels = wav(1, 0, 8000, 16, new byte[100]);
        assertRejected(zeroChannels, Reason.CORRUPT);

        byte[] zeroRate = wav(1, 1, 0, 16, new byte[100]);
        assertRejected(zeroRate, Reason.CORRUPT);

        byte[] hugeData = wav(1, 1, 8000, 16, new byte[100]);
        hugeData[40] = (byte) 0xFE;
        hugeData[41] = (byte) 0xFF;
        hugeData[42] = (byte) 0xFF;
        hugeData[43] = (byte) 0x7F;
        assertRejected(hugeData, Reason.CORRUPT);

        byte[] hugeFmt = wav(1, 1, 8000, 16, new byte[100]);
        hugeFmt[16] = (byte) 0xF0;
        hugeFmt[19] = (byte) 0x7F;
        assertRejected(hugeFmt, Reason.CORRUPT);

        byte[] wrongBlockAlign = wav(1, 2, 8000, 16, new byte[100]);
        wrongBlockAlign[32] = 3;
        assertRejected(wrongBlockAlign, Reason.CORRUPT);
    }

    @Test
    void anMp3HeaderFollowedByGarbageIsCorrupt() {
        byte[] garbage = new byte[200_000];
        new java.util.Random(7).nextBytes(garbage);
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 3);
        garbage[3] = 3;
        garbage[4] = 0;
        garbage[5] = 0;
        for (int i = 6; i < 10; i++) {
            garbage[i] = 0x7F;
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> convert(garbage)).isInstanceOf(AudioRejected.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void noBytesOrNoSamplesIsEmpty() {
        assertRejected(new byte[0], Reason.EMPTY);
        assertRejected(wav(1, 1, 8000, 16, new byte[0]), Reason.EMPTY);
    }

    @Test
    void moreThanTenMinutesIsTooLong() {
        // 11 minutes of 8-bit 8 kHz mono: 5.3 MB, within the size limit.
        byte[] silence = new byte[11 * 60 * 8000];
        Arrays.fill(silence, (byte) 128);
        assertRejected(wav(1, 1, 8000, 8, silence), Reason.TOO_LONG);
    }

    @Test
    void sixteenMegabytesAreRefusedWithoutReadingThemAll() {
        CountingStream upload = new CountingStream(16L * 1024 * 1024);

        assertThatThrownBy(() -> converter.toInternalFormat(upload))
                .isInstanceOfSatisfying(
                        AudioRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(upload.read).isEqualTo(15L * 1024 * 1024 + 1);
    }

    @Test
    void theMessageKeysAreTheConsolesTranslations() {
        assertThat(Reason.TOO_LARGE.messageKey()).isEqualTo("error.audio.tooLarge");
        assertThat(Reason.WRONG_TYPE.messageKey()).isEqualTo("error.audio.wrongType");
        assertThat(new AudioRejected(Reason.CORRUPT).field()).isEqualTo("file");
    }

    /** A stream of zeros of a given length that counts what was read from it. */
    private static final class CountingStream extends InputStream {
        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            Arrays.fill(b, off, off + n, (byte) 0);
            read += n;
            return n;
        }
    }
}
