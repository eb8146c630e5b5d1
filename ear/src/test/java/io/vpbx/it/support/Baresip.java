package io.vpbx.it.support;

import io.vpbx.application.users.SipCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real softphone: Debian's baresip, headless (no audio devices: files in and out), with a fresh
 * configuration directory, registered as one account at the test server. Bounded: it is killed on
 * {@link #close()}, and every wait has a limit.
 */
public final class Baresip implements AutoCloseable {
    private final Process process;
    private final Path home;
    private final Path output;

    /**
     * What the phone says and where it keeps what it hears.
     *
     * @param source an 8 kHz mono 16-bit WAV played into every call (looped by nobody: make it
     *     longer than the call)
     * @param heard a directory where baresip's sndfile module writes the decoded audio of each call
     *     ({@code dump-*-dec.wav}); null for none
     */
    public record Audio(Path source, Path heard) {
        /** A tone of the frequency for the seconds, written into the directory {@code work}. */
        public static Audio tone(Path work, int frequency, int seconds, Path heard)
                throws IOException {
            return new Audio(
                    Tones.wav(
                            work.resolve(frequency + "hz-" + seconds + "s.wav"),
                            frequency,
                            seconds),
                    heard);
        }
    }

    private Baresip(Process process, Path home, Path output) {
        this.process = process;
        this.home = home;
        this.output = output;
    }

    /** Starts baresip for {@code login@domain}, registering through the test server. */
    public static Baresip register(String domain, String login, String password, int localPort)
            throws IOException {
        return start(domain, login, password, localPort, false, null, 0);
    }

    /**
     * Starts baresip, optionally answering every call by itself, dialling a URI at once and
     * quitting (which hangs up) after some seconds. Audio is a second of silence from a WAV file,
     * so that a call really carries RTP.
     *
     * @param localPort baresip also takes the next port (TLS), so leave a gap between two phones
     * @param quitAfterSeconds 0 to run until {@link #close()}
     */
    public static Baresip start(
            String domain,
            String login,
            String password,
            int localPort,
            boolean autoAnswer,
            String dial,
            int quitAfterSeconds)
            throws IOException {
        return start(domain, login, password, localPort, autoAnswer, dial, quitAfterSeconds, null);
    }

    /** As above, with the audio it sends and a directory for the audio it hears. */
    public static Baresip start(
            String domain,
            String login,
            String password,
            int localPort,
            boolean autoAnswer,
            String dial,
            int quitAfterSeconds,
            Audio audio)
            throws IOException {
        Path home = Files.createTempDirectory("vpbx-baresip-");
        Path silence = home.resolve("silence.wav");
        Files.write(silence, silentWav(8000));
        Path source = audio == null ? silence : audio.source();
        boolean capture = audio != null && audio.heard() != null;
        Files.writeString(
                home.resolve("accounts"),
                "<sip:"
                        + login
                        + "@"
                        + domain
                        + ";transport=udp>;auth_pass="
                        + password
                        + ";outbound=\"sip:127.0.0.1:"
                        + ItSettings.sipPort()
                        + "\";regint=300"
                        + (autoAnswer ? ";answermode=auto" : "")
                        + "\n");
        Files.writeString(
                home.resolve("config"),
                String.join(
                        "\n",
                        "sip_listen 127.0.0.1:" + localPort,
                        "module_path /usr/lib/baresip/modules",
                        "module stdio.so",
                        "module g711.so",
                        "module aufile.so",
                        capture ? "module sndfile.so" : "",
                        capture ? "snd_path " + audio.heard() : "",
                        "module_app account.so",
                        "module_app menu.so",
                        "audio_player aufile,/dev/null",
                        "audio_source aufile," + source,
                        ""));
        Path output = home.resolve("output.log");
        List<String> command = new ArrayList<>(List.of("baresip", "-f", home.toString(), "-v"));
        if (dial != null) {
            command.addAll(List.of("-e", "/dial " + dial));
        }
        if (quitAfterSeconds > 0) {
            command.addAll(List.of("-t", Integer.toString(quitAfterSeconds)));
        }
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.PIPE)
                        .start();
        return new Baresip(process, home, output);
    }

    /**
     * Starts baresip for the SIP number (optionally answering every call by itself) and waits (at
     * most 15 s) until it has registered.
     */
    public static Baresip registered(SipCredentials sip, boolean autoAnswer, Audio audio)
            throws IOException, InterruptedException {
        Baresip phone = start(sip, autoAnswer, null, 0, audio);
        if (!phone.awaitOutput("200 OK", Duration.ofSeconds(15))) {
            String output = phone.output();
            phone.close();
            throw new AssertionError("baresip did not register: " + output);
        }
        return phone;
    }

    /**
     * Starts baresip for the SIP number dialling {@code number} in its own domain at once, quitting
     * (which hangs up) after the seconds (0: when closed).
     */
    public static Baresip dialling(
            SipCredentials sip, String number, int quitAfterSeconds, Audio audio)
            throws IOException {
        return start(sip, false, "sip:" + number + "@" + sip.domain(), quitAfterSeconds, audio);
    }

    private static Baresip start(
            SipCredentials sip, boolean autoAnswer, String dial, int quitAfterSeconds, Audio audio)
            throws IOException {
        return start(
                sip.domain(),
                sip.login(),
                sip.password(),
                Ports.freeUdpPair(),
                autoAnswer,
                dial,
                quitAfterSeconds,
                audio);
    }

    /** Types a command (for example {@code /hold}) as if at baresip's console. */
    public void command(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Waits until baresip quits by itself (at most the limit); true if it did. */
    public boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A mono 16-bit WAV of silence, 8 kHz, {@code samples} long. */
    private static byte[] silentWav(int samples) {
        int data = samples * 2;
        java.nio.ByteBuffer b =
                java.nio.ByteBuffer.allocate(44 + data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data);
        b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000);
        b.putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }

    /** Waits until baresip's output contains the text; false if it did not within the limit. */
    public boolean awaitOutput(String text, Duration limit) throws IOException {
        try {
            Awaitility.await()
                    .atMost(limit)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> output().contains(text));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException notShown) {
            return false;
        }
    }

    /** Waits until baresip's output contains the text, failing with the output if not in time. */
    public void expect(String text, Duration limit) throws IOException {
        if (!awaitOutput(text, limit)) {
            throw new AssertionError("baresip did not say \"" + text + "\": " + output());
        }
    }

    public String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
