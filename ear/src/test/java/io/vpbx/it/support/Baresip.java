package io.vpbx.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real softphone: Debian's baresip, headless (no audio devices: files in and out), with a fresh
 * configuration directory, registered as one account at the test server. Bounded: it is killed on
 * {@link #close()}, and every wait has a limit.
 */
public final class Baresip implements AutoCloseable {
    private final Process process;
    private final Path home;
    private final Path output;

    private Baresip(Process process, Path home, Path output) {
        this.process = process;
        this.home = home;
        this.output = output;
    }

    /** Starts baresip for {@code login@domain}, registering through the test server. */
    public static Baresip register(String domain, String login, String password, int localPort)
            throws IOException {
        Path home = Files.createTempDirectory("vpbx-baresip-");
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
                        + "\";regint=300\n");
        Files.writeString(
                home.resolve("config"),
                String.join(
                        "\n",
                        "sip_listen 127.0.0.1:" + localPort,
                        "module_path /usr/lib/baresip/modules",
                        "module stdio.so",
                        "module g711.so",
                        "module aufile.so",
                        "module_app account.so",
                        "module_app menu.so",
                        "audio_player aufile,/dev/null",
                        "audio_source aufile,/dev/null",
                        ""));
        Path output = home.resolve("output.log");
        Process process =
                new ProcessBuilder("baresip", "-f", home.toString(), "-v")
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.PIPE)
                        .start();
        return new Baresip(process, home, output);
    }

    /** Waits until baresip's output contains the text; false if it did not within the limit. */
    public boolean awaitOutput(String text, Duration limit)
            throws IOException, InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (output().contains(text)) {
                return true;
            }
            Thread.sleep(200);
        }
        return output().contains(text);
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
