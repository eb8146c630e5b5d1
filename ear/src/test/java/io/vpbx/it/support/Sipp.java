package io.vpbx.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Runs a sipp scenario from {@code sip-servlets/src/test/sipp/} against the test server, bounded in
 * time and number of calls, and reports sipp's exit code (0: every call succeeded) with its output
 * and the scenario's own log lines.
 */
public final class Sipp {
    private Sipp() {}

    /** What sipp did; {@code log} holds the lines the scenario's {@code <log>} actions wrote. */
    public record Result(int exitCode, String output, String log) {}

    /**
     * One sipp run.
     *
     * @param localIp the source address (any of 127.0.0.0/8), so that bans of one test do not hit
     *     the others
     * @param localPort 0 for any
     * @param injection rows of the injection file ({@code field0;field1;...}), or empty
     */
    public record Run(
            String scenario,
            String transport,
            int calls,
            String localIp,
            int localPort,
            List<String> injection,
            List<String> extraArguments) {
        public static Run of(String scenario) {
            return new Run(scenario, "u1", 1, "127.0.0.1", 0, List.of(), List.of());
        }

        /** A phone waiting with its scenario on the port it registered from. */
        public static Run phone(String scenario, int port) {
            return of(scenario).from("127.0.0.1", port);
        }

        /**
         * A call from the SIP number, from a free port: its domain and login are the first two
         * fields, then the given ones (usually the number dialled).
         */
        public static Run call(
                String scenario, io.vpbx.application.users.SipCredentials caller, String... fields)
                throws IOException {
            List<String> row = new ArrayList<>(List.of(caller.domain(), caller.login()));
            row.addAll(List.of(fields));
            return of(scenario)
                    .from("127.0.0.1", Ports.freeUdp())
                    .fields(row.toArray(String[]::new))
                    .credentials(caller.login(), caller.password());
        }

        public Run transport(String t) {
            return new Run(scenario, t, calls, localIp, localPort, injection, extraArguments);
        }

        public Run calls(int n) {
            return new Run(scenario, transport, n, localIp, localPort, injection, extraArguments);
        }

        public Run from(String ip, int port) {
            return new Run(scenario, transport, calls, ip, port, injection, extraArguments);
        }

        public Run fields(String... row) {
            return new Run(
                    scenario,
                    transport,
                    calls,
                    localIp,
                    localPort,
                    List.of(String.join(";", row)),
                    extraArguments);
        }

        public Run credentials(String login, String password) {
            List<String> args = new ArrayList<>(extraArguments);
            args.addAll(List.of("-au", login, "-ap", password));
            return new Run(scenario, transport, calls, localIp, localPort, injection, args);
        }

        /** How long a {@code <pause/>} lasts (sipp's -d): how long the caller talks. */
        public Run talk(int milliseconds) {
            List<String> args = new ArrayList<>(extraArguments);
            args.addAll(List.of("-d", Integer.toString(milliseconds)));
            return new Run(scenario, transport, calls, localIp, localPort, injection, args);
        }

        public Run timeout(String duration) {
            List<String> args = new ArrayList<>(extraArguments);
            args.addAll(List.of("-timeout", duration));
            return new Run(scenario, transport, calls, localIp, localPort, injection, args);
        }
    }

    public static Result run(String scenario, String transport, int calls)
            throws IOException, InterruptedException {
        return run(Run.of(scenario).transport(transport).calls(calls));
    }

    public static Result run(Run run) throws IOException, InterruptedException {
        return start(run).await();
    }

    /** A sipp running in the background (a callee waiting for the server's INVITE). */
    public static final class Running {
        private final Process process;
        private final Path out;
        private final Path errors;
        private final Path log;

        Running(Process process, Path out, Path errors, Path log) {
            this.process = process;
            this.out = out;
            this.errors = errors;
            this.log = log;
        }

        /**
         * Waits (at most 20 s) until the scenario has logged the text, e.g. that its call was
         * answered, so a test can act while the call is still up.
         *
         * @return the scenario's log so far
         */
        public String awaitLog(String text) {
            return Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> Files.exists(log) ? Files.readString(log) : "",
                            written -> written.contains(text));
        }

        /** The scenario's log so far, without waiting. */
        public String log() throws IOException {
            return Files.exists(log) ? Files.readString(log) : "";
        }

        /** Waits for sipp to finish (at most 90 s) and reports what it did. */
        public Result await() throws IOException, InterruptedException {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("sipp did not finish within 90 s");
            }
            String scenarioLog = Files.exists(log) ? Files.readString(log) : "";
            String output =
                    Files.readString(out) + (Files.exists(errors) ? Files.readString(errors) : "");
            return new Result(process.exitValue(), output + scenarioLog, scenarioLog);
        }
    }

    /** Registers the SIP number from the port (as its phone would), asserting that it worked. */
    public static void register(io.vpbx.application.users.SipCredentials sip, int port)
            throws IOException, InterruptedException {
        Result registered =
                run(
                        Run.of("register.xml")
                                .from("127.0.0.1", port)
                                .fields(sip.domain(), sip.login(), "300")
                                .credentials(sip.login(), sip.password()));
        if (registered.exitCode() != 0) {
            throw new AssertionError("registration failed: " + registered.output());
        }
    }

    /** Registers the SIP number from a free port, as {@link #register}, and returns the port. */
    public static int registered(io.vpbx.application.users.SipCredentials sip)
            throws IOException, InterruptedException {
        int port = Ports.freeUdp();
        register(sip, port);
        return port;
    }

    public static Running start(Run run) throws IOException {
        Path scenarios = ItSettings.sippScenarios();
        Path errors = Files.createTempFile("sipp-", ".err");
        Path log = Files.createTempFile("sipp-", ".log");
        Path out = Files.createTempFile("sipp-", ".out");
        List<String> command =
                new ArrayList<>(
                        List.of("sipp", "-sf", scenarios.resolve(run.scenario()).toString()));
        command.addAll(
                List.of(
                        "-m",
                        Integer.toString(run.calls()),
                        "-t",
                        run.transport(),
                        "-i",
                        run.localIp(),
                        "-p",
                        Integer.toString(run.localPort())));
        if (!run.injection().isEmpty()) {
            Path fields = Files.createTempFile("sipp-", ".csv");
            List<String> lines = new ArrayList<>(List.of("SEQUENTIAL"));
            lines.addAll(run.injection());
            Files.write(fields, lines);
            command.addAll(List.of("-inf", fields.toString()));
        }
        if (!run.extraArguments().contains("-timeout")) {
            command.addAll(List.of("-timeout", "20s"));
        }
        if (!run.extraArguments().contains("-d")) {
            command.addAll(List.of("-d", "500"));
        }
        command.addAll(
                List.of(
                        "-timeout_error",
                        "-nostdin",
                        "-trace_err",
                        "-error_file",
                        errors.toString(),
                        "-trace_logs",
                        "-log_file",
                        log.toString()));
        command.addAll(run.extraArguments());
        command.add("127.0.0.1:" + ItSettings.sipPort());
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        return new Running(process, out, errors, log);
    }
}
