package io.vpbx.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sipp scenario from {@code sip-servlets/src/test/sipp/} against the test server, bounded in
 * time and number of calls, and reports sipp's exit code (0: every call succeeded) with its output.
 */
public final class Sipp {
    private Sipp() {}

    /** What sipp did. */
    public record Result(int exitCode, String output) {}

    public static Result run(String scenario, String transport, int calls, String... extraArguments)
            throws IOException, InterruptedException {
        Path scenarios =
                Path.of("..", "sip-servlets", "src", "test", "sipp").toAbsolutePath().normalize();
        Path log = Files.createTempFile("sipp-", ".log");
        List<String> command =
                new ArrayList<>(List.of("sipp", "-sf", scenarios.resolve(scenario).toString()));
        command.addAll(
                List.of(
                        "-m",
                        Integer.toString(calls),
                        "-t",
                        transport,
                        "-i",
                        "127.0.0.1",
                        "-p",
                        "0"));
        command.addAll(
                List.of(
                        "-timeout",
                        "20s",
                        "-timeout_error",
                        "-nostdin",
                        "-trace_err",
                        "-error_file",
                        log.toString()));
        command.addAll(List.of(extraArguments));
        command.add("127.0.0.1:" + ItSettings.sipPort());
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile())
                        .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("sipp did not finish within 60 s");
        }
        String output =
                Files.readString(log.resolveSibling(log.getFileName() + ".out"))
                        + (Files.exists(log) ? Files.readString(log) : "");
        return new Result(process.exitValue(), output);
    }
}
