package io.vpbx.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.media.codec.G711;
import io.vpbx.media.codec.ToneGenerator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InbandDtmfDetectorTest {
    private static final int RATE = 8000;
    private static final int MS = RATE / 1000;

    /** -10 dBm0 per tone: 0 dBm0 is a sine of peak ≈ 22 654 in 16-bit G.711 scale (G.711 §1). */
    private static final double MINUS_10_DBM0 = 22654 * Math.pow(10, -10 / 20.0) / 32767;

    private final StringBuilder digits = new StringBuilder();
    private final DtmfListener listener = (digit, duration) -> digits.append(digit);

    private static short[] key(char key, int ms, double lowAmplitude, double highAmplitude) {
        DtmfDigit digit = DtmfDigit.ofSymbol(key);
        return ToneGenerator.dual(
                digit.lowHz(), lowAmplitude, digit.highHz(), highAmplitude, RATE, ms * MS);
    }

    private static short[] key(char key, int ms) {
        return key(key, ms, MINUS_10_DBM0, MINUS_10_DBM0);
    }

    private static short[] silence(int samples) {
        return new short[samples];
    }

    private static short[] concat(short[]... parts) {
        int length = 0;
        for (short[] part : parts) {
            length += part.length;
        }
        short[] all = new short[length];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** What the detector really sees: audio that went through a µ-law call leg. */
    private static short[] throughUlaw(short[] pcm) {
        byte[] ulaw = new byte[pcm.length];
        G711.encodeUlaw(pcm, 0, pcm.length, ulaw, 0);
        short[] decoded = new short[pcm.length];
        G711.decodeUlaw(ulaw, 0, ulaw.length, decoded, 0);
        return decoded;
    }

    /** Feeds the audio in RTP-sized chunks of 20 ms, as the media pipeline will. */
    private String detect(short[] pcm) {
        InbandDtmfDetector detector = new InbandDtmfDetector();
        for (int off = 0; off < pcm.length; off += 160) {
            detector.samples(pcm, off, Math.min(160, pcm.length - off), listener);
        }
        return digits.toString();
    }

    private static short[] fiftyMsKeysWithFiftyMsGaps(int leadingSilence, String keys) {
        short[][] parts = new short[keys.length() * 2 + 1][];
        parts[0] = silence(leadingSilence);
        for (int i = 0; i < keys.length(); i++) {
            parts[1 + 2 * i] = key(keys.charAt(i), 50);
            parts[2 + 2 * i] = silence(50 * MS);
        }
        return throughUlaw(concat(parts));
    }

    @Test
    void fiftyMillisecondKeysWithFiftyMillisecondGapsAreEachDetectedOnce() {
        assertThat(detect(fiftyMsKeysWithFiftyMsGaps(0, "159#"))).isEqualTo("159#");
    }

    @Test
    void detectionDoesNotDependOnWhereTheFramesFall() {
        for (int leading = 0; leading < 160; leading += 3) {
            digits.setLength(0);
            assertThat(detect(fiftyMsKeysWithFiftyMsGaps(leading, "159#0*D")))
                    .as("leading silence of %d samples", leading)
                    .isEqualTo("159#0*D");
        }
    }

    @Test
    void allSixteenKeysAreRecognised() {
        assertThat(detect(fiftyMsKeysWithFiftyMsGaps(37, "0123456789*#ABCD")))
                .isEqualTo("0123456789*#ABCD");
    }

    @Test
    void aHalfSecondPressIsOneDigit() {
        assertThat(detect(throughUlaw(concat(silence(800), key('5', 500), silence(800)))))
                .isEqualTo("5");
    }

    @Test
    void twentyMillisecondBlipsAreNotKeys() {
        for (int leading = 0; leading < 160; leading += 10) {
            digits.setLength(0);
            assertThat(detect(concat(silence(leading), key('8', 20), silence(400))))
                    .as("leading silence of %d samples", leading)
                    .isEmpty();
        }
    }

    @Test
    void aOneKilohertzToneAndSilenceAreNotKeys() {
        short[] tone = ToneGenerator.sine(1000, RATE, RATE, 0.5);
        assertThat(detect(concat(tone, silence(RATE)))).isEmpty();
    }

    @Test
    void whiteNoiseIsNotAKey() {
        Random random = new Random(4733);
        short[] noise = new short[5 * RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) (random.nextGaussian() * 6000);
        }
        assertThat(detect(throughUlaw(noise))).isEmpty();
    }

    /**
     * Voiced speech is a harmonic series of a gliding pitch under moving formants, with syllabic
     * loudness changes; its harmonics cross every DTMF frequency, but never two of them at once
     * with most of the energy.
     */
    @Test
    void speechLikeAudioIsNotAKey() {
        Random random = new Random(1982);
        short[] speech = new short[10 * RATE];
        double phase = 0;
        double pitch = 120;
        double[] formants = {500, 1500, 2500};
        double[] harmonicPhase = new double[40];
        for (int n = 0; n < speech.length; n++) {
            if (n % 160 == 0) {
                pitch = Math.max(80, Math.min(260, pitch + random.nextGaussian() * 8));
                for (int f = 0; f < formants.length; f++) {
                    formants[f] =
                            Math.max(250, Math.min(3400, formants[f] + random.nextGaussian() * 60));
                }
            }
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * n / RATE);
            double sample = 0;
            phase += 2 * Math.PI * pitch / RATE;
            for (int h = 1; h < harmonicPhase.length && h * pitch < 3600; h++) {
                double frequency = h * pitch;
                double gain = 0;
                for (double formant : formants) {
                    double distance = (frequency - formant) / 150;
                    gain += Math.exp(-distance * distance);
                }
                sample += gain / h * Math.sin(h * phase);
            }
            speech[n] = (short) Math.max(-32768, Math.min(32767, 7000 * envelope * sample));
        }
        assertThat(detect(throughUlaw(speech))).isEmpty();
    }

    @Test
    void twistIsAcceptedWithinQ24LimitsAndRejectedBeyond() {
        double low = MINUS_10_DBM0 / 2;
        double plus6Db = low * Math.pow(10, 6 / 20.0);
        double plus10Db = low * Math.pow(10, 10 / 20.0);
        double plus3Db = low * Math.pow(10, 3 / 20.0);

        assertThat(detect(concat(key('2', 100, low, plus6Db), silence(800)))).isEqualTo("2");
        digits.setLength(0);
        assertThat(detect(concat(key('2', 100, plus3Db, low), silence(800)))).isEqualTo("2");
        digits.setLength(0);
        assertThat(detect(concat(key('2', 100, low, plus10Db), silence(800)))).isEmpty();
        digits.setLength(0);
        assertThat(detect(concat(key('2', 100, plus6Db, low), silence(800)))).isEmpty();
    }

    @Test
    void tonesBelowTheMinimumLevelAreIgnored() {
        double quiet = 100.0 / 32767;
        assertThat(detect(concat(key('3', 200, quiet, quiet), silence(800)))).isEmpty();
    }

    @Test
    void aSingleToneOfTheLowGroupIsNotAKey() {
        short[] row = ToneGenerator.sine(770, RATE, 400 * MS, MINUS_10_DBM0);
        assertThat(detect(row)).isEmpty();
    }

    @Test
    void samplesMayArriveInChunksOfAnySize() {
        short[] audio = fiftyMsKeysWithFiftyMsGaps(11, "42");
        InbandDtmfDetector detector = new InbandDtmfDetector();
        int off = 0;
        int chunk = 1;
        while (off < audio.length) {
            int len = Math.min(chunk, audio.length - off);
            detector.samples(audio, off, len, listener);
            off += len;
            chunk = chunk * 3 % 251 + 1;
        }
        assertThat(digits).hasToString("42");
    }
}
