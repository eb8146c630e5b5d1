package io.vpbx.it.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Audio for assertions about what was heard: tone WAVs to send, and a Goertzel measure of how much
 * of a captured WAV carries a tone.
 */
public final class Tones {
    private Tones() {}

    /** A mono 16-bit 8 kHz WAV with a sine of the frequency, at half of full scale. */
    public static Path wav(Path file, double frequency, int seconds) throws IOException {
        int samples = 8000 * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        header(b, 1, 8000, 2 * samples);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (16000 * Math.sin(2 * Math.PI * frequency * i / 8000)));
        }
        return Files.write(file, b.array());
    }

    private static void header(ByteBuffer b, int channels, int rate, int dataBytes) {
        b.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels);
        b.putInt(rate).putInt(rate * channels * 2).putShort((short) (2 * channels));
        b.putShort((short) 16).putInt(0x61746164).putInt(dataBytes);
    }

    /** One channel of a 16-bit PCM WAV, with its sample rate. */
    public record Pcm(short[] samples, int rate) {
        public double seconds() {
            return samples.length / (double) rate;
        }

        /**
         * The seconds of 20 ms blocks in which the frequency holds more than {@code share} of the
         * block's energy (a pure tone scores near 1, another tone near 0, silence 0).
         */
        public double secondsOf(double frequency, double share) {
            int block = rate / 50;
            int blocks = 0;
            for (int at = 0; at + block <= samples.length; at += block) {
                if (share(at, block, frequency) > share) {
                    blocks++;
                }
            }
            return blocks * 0.02;
        }

        /** Where the frequency is first heard (as {@link #secondsOf}), in seconds; -1 if never. */
        public double firstSecond(double frequency, double share) {
            int block = rate / 50;
            for (int at = 0; at + block <= samples.length; at += block) {
                if (share(at, block, frequency) > share) {
                    return at / (double) rate;
                }
            }
            return -1;
        }

        /** The share of the energy of samples [at, at+length) at the frequency (Goertzel). */
        public double share(int at, int length, double frequency) {
            double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
            double s1 = 0;
            double s2 = 0;
            double energy = 0;
            for (int i = at; i < at + length; i++) {
                double x = samples[i];
                energy += x * x;
                double s = x + coefficient * s1 - s2;
                s2 = s1;
                s1 = s;
            }
            if (energy == 0) {
                return 0;
            }
            double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
            return Math.min(1, 2 * power / (length * energy));
        }

        /** A part of the audio, by seconds. */
        public Pcm between(double fromSeconds, double toSeconds) {
            int from = (int) Math.max(0, fromSeconds * rate);
            int to = (int) Math.min(samples.length, toSeconds * rate);
            return new Pcm(java.util.Arrays.copyOfRange(samples, from, Math.max(from, to)), rate);
        }
    }

    /** Reads a 16-bit PCM WAV; {@code channel} picks one of a stereo file's channels. */
    public static Pcm read(Path file, int channel) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int channels = 1;
        int rate = 8000;
        int at = 12;
        while (at + 8 <= b.limit()) {
            int id = b.getInt(at);
            int length = b.getInt(at + 4);
            if (id == 0x20746d66) {
                channels = b.getShort(at + 10);
                rate = b.getInt(at + 12);
            } else if (id == 0x61746164) {
                int end = (int) Math.min(b.limit(), at + 8L + (length & 0xFFFFFFFFL));
                int frames = (end - at - 8) / (2 * channels);
                short[] samples = new short[frames];
                for (int i = 0; i < frames; i++) {
                    samples[i] = b.getShort(at + 8 + 2 * (i * channels + channel));
                }
                return new Pcm(samples, rate);
            }
            at += 8 + length + (length & 1);
        }
        throw new IOException("no data in " + file);
    }

    /** The seconds of audio an MP3 decodes to (JLayer, the decoder uploads use). */
    public static double mp3Seconds(byte[] mp3) throws Exception {
        javazoom.jl.decoder.Bitstream stream =
                new javazoom.jl.decoder.Bitstream(new java.io.ByteArrayInputStream(mp3));
        javazoom.jl.decoder.Decoder decoder = new javazoom.jl.decoder.Decoder();
        long samples = 0;
        int rate = 0;
        javazoom.jl.decoder.Header frame;
        while ((frame = stream.readFrame()) != null) {
            javazoom.jl.decoder.SampleBuffer output =
                    (javazoom.jl.decoder.SampleBuffer) decoder.decodeFrame(frame, stream);
            rate = output.getSampleFrequency();
            samples += output.getBufferLength() / output.getChannelCount();
            stream.closeFrame();
        }
        return rate == 0 ? 0 : samples / (double) rate;
    }

    /** The one file in a directory whose name ends so (baresip's sndfile dumps). */
    public static Path find(Path directory, String suffix) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no *" + suffix + " in " + directory));
        }
    }

    /** What a phone heard: the first channel of the one baresip dump in the directory. */
    public static Pcm heard(Path directory) throws IOException {
        return read(find(directory, "-dec.wav"), 0);
    }

    /** Waits until the phone's capture holds the seconds of audio (baresip writes as it hears). */
    public static void awaitHeard(Path directory, double seconds) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(100))
                .ignoreExceptions()
                .until(
                        () ->
                                Files.size(find(directory, "-dec.wav"))
                                        >= (long) (44 + seconds * 16000));
    }
}
