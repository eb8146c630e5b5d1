package io.vpbx.media.bench;

import io.vpbx.media.api.Codec;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.media.api.MediaListener;
import io.vpbx.media.api.MediaSession;
import io.vpbx.media.api.MediaSettings;
import io.vpbx.media.codec.G711;
import io.vpbx.media.codec.ToneGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * {@code bin/vpbx bench media [CALLS] [SECONDS]}: the media engine against a minimal UDP relay, in
 * one process, with the same phones, on loopback. Every run warms up, then measures a window:
 * packets offered and received, loss, the receivers' inter-arrival deviation from 20 ms, CPU and
 * allocation of the relaying threads, heap after a GC. Only the ratios of one run compare: the
 * machine is shared.
 *
 * <p>Arguments: calls (default 500), window seconds (default 20), output directory (default
 * src-docs/benchmarks). System properties: {@code bench.warmup} seconds (5), {@code
 * bench.recordCalls} (200), {@code bench.ramp} call counts ("100,300,500,700,900", empty for none),
 * {@code bench.rampSeconds} (10), {@code bench.jfr} the JFR file to keep ("off" for none).
 */
public final class MediaBench {
    private static final String PCMU_AND_EVENTS =
            "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";
    private static final String PCMA_AND_EVENTS =
            "a=rtpmap:8 PCMA/8000\r\na=rtpmap:96 telephone-event/8000\r\n";
    private static final int ENGINE_FIRST_PORT = 30_000;
    private static final int ENGINE_PORTS = 5_000;
    private static final int PHONES_FIRST_PORT = 35_000;
    private static final int PHONES_LAST_PORT = 39_999;
    private static final Predicate<String> ENGINE_THREADS = n -> n.matches("vpbx-media-\\d+");
    private static final Predicate<String> RECORDER_THREAD = "vpbx-media-recorder"::equals;
    private static final Predicate<String> BASELINE_THREADS =
            n -> n.startsWith(UdpRelay.THREAD_PREFIX);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final int threads = Runtime.getRuntime().availableProcessors();
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 5);
    private final byte[] ulawTone = new byte[LoadGenerator.FRAME];
    private final byte[] alawTone = new byte[LoadGenerator.FRAME];
    private final List<Run> runs = new ArrayList<>();

    /** One measured run and what it found. */
    static final class Run {
        final String name;
        final String relay;
        final int calls;
        final Predicate<String> relayThreads;
        final Map<String, Object> figures = new LinkedHashMap<>();
        Instant from;
        Instant to;
        long relayedPackets;
        Profile profile;

        Run(String name, String relay, int calls, Predicate<String> relayThreads) {
            this.name = name;
            this.relay = relay;
            this.calls = calls;
            this.relayThreads = relayThreads;
        }

        double number(String key) {
            Object value = figures.get(key);
            return value instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    /** What a run needs to know of the relay under test. */
    private record Relay(Predicate<String> threads, LongSupplier packetsIn) {}

    private MediaBench() {
        short[] tone = ToneGenerator.sine(1000, 8000, LoadGenerator.FRAME, 0.3);
        G711.encodeUlaw(tone, 0, tone.length, ulawTone, 0);
        G711.encodeAlaw(tone, 0, tone.length, alawTone, 0);
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path out = Path.of(args.length > 2 ? args[2] : "src-docs/benchmarks");
        int recordCalls = Integer.getInteger("bench.recordCalls", 200);
        int rampSeconds = Integer.getInteger("bench.rampSeconds", 10);
        String jfrSetting = System.getProperty("bench.jfr", "target/media-bench.jfr");
        int[] ramp =
                Arrays.stream(System.getProperty("bench.ramp", "100,300,500,700,900").split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .mapToInt(Integer::parseInt)
                        .toArray();
        new MediaBench().all(calls, seconds, recordCalls, ramp, rampSeconds, out, jfrSetting);
    }

    private void all(
            int calls,
            int seconds,
            int recordCalls,
            int[] ramp,
            int rampSeconds,
            Path out,
            String jfrSetting)
            throws Exception {
        Instant started = Instant.now();
        double[] loadBefore = loadAverage();
        Recording jfr = null;
        if (!"off".equals(jfrSetting)) {
            // One recording over every run, so that its cost is the same for engine and baseline.
            jfr = new Recording(Configuration.getConfiguration("profile"));
            jfr.start();
        }
        baseline("baseline", calls, seconds);
        engine("engine", calls, seconds, false, false);
        engine("engine, PCMU↔PCMA", calls, seconds, true, false);
        baseline("baseline", recordCalls, seconds);
        engine("engine, recorded", recordCalls, seconds, false, true);
        for (int level : ramp) {
            baseline("ramp: baseline", level, rampSeconds);
            engine("ramp: engine", level, rampSeconds, false, false);
        }
        Path jfrFile = null;
        if (jfr != null) {
            jfr.stop();
            jfrFile = Path.of(jfrSetting).toAbsolutePath();
            Files.createDirectories(jfrFile.getParent());
            jfr.dump(jfrFile);
            jfr.close();
            List<Profile> profiles = new ArrayList<>();
            for (Run run : runs) {
                run.profile = new Profile(run.from, run.to, run.relayThreads);
                profiles.add(run.profile);
            }
            Profile.read(jfrFile, profiles);
        }
        Report report =
                new Report(
                        runs,
                        started,
                        loadBefore,
                        loadAverage(),
                        threads,
                        calls,
                        seconds,
                        warmupSeconds,
                        recordCalls);
        Files.createDirectories(out);
        Files.writeString(out.resolve("media.json"), report.json());
        Files.writeString(out.resolve("media.md"), report.markdown());
        System.out.print(report.markdown());
        if (jfrFile != null) {
            System.out.println("\nJFR recording: " + jfrFile);
        }
    }

    private void baseline(String name, int calls, int seconds) throws Exception {
        Run run = new Run(name, "baseline", calls, BASELINE_THREADS);
        log("%s, %d calls", name, calls);
        long heapBefore = heapAfterGc();
        try (UdpRelay relay = new UdpRelay(threads);
                LoadGenerator phones =
                        new LoadGenerator(
                                2 * calls, new Ports(PHONES_FIRST_PORT, PHONES_LAST_PORT))) {
            Ports relayPorts = new Ports(ENGINE_FIRST_PORT, ENGINE_FIRST_PORT + ENGINE_PORTS - 1);
            for (int i = 0; i < calls; i++) {
                int[] legs =
                        relay.addCall(i, relayPorts, phones.port(2 * i), phones.port(2 * i + 1));
                phones.sendTo(2 * i, legs[0], 0, ulawTone);
                phones.sendTo(2 * i + 1, legs[1], 0, ulawTone);
            }
            relay.start();
            measure(run, phones, new Relay(BASELINE_THREADS, relay::packetsIn), seconds);
            run.figures.put("heap_after_gc_mib", mib(heapAfterGc()));
            run.figures.put("heap_growth_mib", mib(heapAfterGc() - heapBefore));
        }
        runs.add(run);
    }

    private void engine(String name, int calls, int seconds, boolean transcoding, boolean recorded)
            throws Exception {
        Run run = new Run(name, "engine", calls, ENGINE_THREADS);
        log("%s, %d calls", name, calls);
        long heapBefore = heapAfterGc();
        Path recordings = recorded ? Files.createTempDirectory("vpbx-bench-recordings") : null;
        AtomicInteger finished = new AtomicInteger();
        MediaListener listener =
                new MediaListener() {
                    @Override
                    public void recordingFinished(Path wav, Duration length) {
                        finished.incrementAndGet();
                    }
                };
        MediaEngine engine =
                MediaEngine.start(
                        new MediaSettings(
                                Ports.LOOPBACK,
                                Ports.LOOPBACK,
                                ENGINE_FIRST_PORT,
                                ENGINE_PORTS,
                                Duration.ofSeconds(600),
                                Duration.ofSeconds(3600),
                                threads));
        try (LoadGenerator phones =
                new LoadGenerator(2 * calls, new Ports(PHONES_FIRST_PORT, PHONES_LAST_PORT))) {
            List<MediaSession> sessions = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                MediaSession session = engine.openSession("bench-" + i, listener);
                sessions.add(session);
                Endpoint a = session.newEndpoint();
                a.remoteOffer(phones.sdp(2 * i, "0 101", PCMU_AND_EVENTS));
                Endpoint b = session.newEndpoint();
                b.localOffer(a.preferredCodec());
                b.remoteAnswer(
                        transcoding
                                ? phones.sdp(2 * i + 1, "8 96", PCMA_AND_EVENTS)
                                : phones.sdp(2 * i + 1, "0 101", PCMU_AND_EVENTS));
                a.localAnswer(b.codec());
                session.bridge(a, b);
                if (recorded) {
                    session.record(a, b, recordings.resolve("call-" + i + ".wav"));
                }
                phones.sendTo(2 * i, a.port(), Codec.PCMU.payloadType, ulawTone);
                phones.sendTo(
                        2 * i + 1,
                        b.port(),
                        transcoding ? Codec.PCMA.payloadType : Codec.PCMU.payloadType,
                        transcoding ? alawTone : ulawTone);
            }
            await(() -> engine.statistics().endpoints() == 2 * calls, Duration.ofSeconds(20));
            long droppedBefore = engine.statistics().dropped();
            long overrunsBefore = engine.statistics().recordingOverruns();
            measure(
                    run,
                    phones,
                    new Relay(ENGINE_THREADS, () -> engine.statistics().packetsIn()),
                    seconds);
            run.figures.put("engine_dropped", engine.statistics().dropped() - droppedBefore);
            run.figures.put("heap_after_gc_mib", mib(heapAfterGc()));
            run.figures.put("heap_growth_mib", mib(heapAfterGc() - heapBefore));
            if (recorded) {
                run.figures.put(
                        "recording_overruns",
                        engine.statistics().recordingOverruns() - overrunsBefore);
                sessions.forEach(MediaSession::close);
                await(() -> finished.get() == calls, Duration.ofSeconds(30));
                run.figures.put("recordings_finished", finished.get());
                run.figures.put("recordings_mib", mib(size(recordings)));
            } else {
                sessions.forEach(MediaSession::close);
            }
        } finally {
            engine.close();
            if (recordings != null) {
                try (Stream<Path> files = Files.walk(recordings)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        runs.add(run);
    }

    /** Warm-up, then the measured window, then the drain. */
    private void measure(Run run, LoadGenerator phones, Relay relay, int seconds) throws Exception {
        phones.start();
        pause(Duration.ofSeconds(warmupSeconds));

        long[] relayIds = threadIds(relay.threads());
        long[] recorderIds = threadIds(RECORDER_THREAD);
        long[] phoneIds = {phones.threadId(true), phones.threadId(false)};
        long[] machine0 = machineTicks();
        long process0 = OS.getProcessCpuTime();
        long relayCpu0 = cpu(relayIds);
        long recorderCpu0 = cpu(recorderIds);
        long phonesCpu0 = cpu(phoneIds);
        long relayAlloc0 = allocated(relayIds);
        long recorderAlloc0 = allocated(recorderIds);
        long packets0 = relay.packetsIn().getAsLong();
        LoadGenerator.Counters c0 = phones.counters();
        run.from = Instant.now();
        long t0 = System.nanoTime();
        phones.startMeasuring();

        pause(Duration.ofSeconds(seconds));

        phones.stopMeasuring();
        long t1 = System.nanoTime();
        run.to = Instant.now();
        LoadGenerator.Counters c1 = phones.counters();
        long packets1 = relay.packetsIn().getAsLong();
        long relayAlloc = allocated(relayIds) - relayAlloc0;
        long recorderAlloc = allocated(recorderIds) - recorderAlloc0;
        long relayCpu = cpu(relayIds) - relayCpu0;
        long recorderCpu = cpu(recorderIds) - recorderCpu0;
        long phonesCpu = cpu(phoneIds) - phonesCpu0;
        long process = OS.getProcessCpuTime() - process0;
        long[] machine1 = machineTicks();

        phones.stopSending();
        long[] last = {-1};
        await(
                () -> {
                    long now = phones.counters().received();
                    boolean quiet = now == last[0];
                    last[0] = now;
                    return quiet;
                },
                Duration.ofSeconds(3));
        LoadGenerator.Counters end = phones.counters();

        double window = (t1 - t0) / 1e9;
        long offered = c1.sent() - c0.sent();
        long received = c1.received() - c0.received();
        run.relayedPackets = packets1 - packets0;
        Map<String, Object> f = run.figures;
        f.put("relay", run.relay);
        f.put("calls", run.calls);
        f.put("window_seconds", window);
        f.put("offered_pps", offered / window);
        f.put("received_pps", received / window);
        f.put("loss_percent", 100.0 * (offered - received) / offered);
        f.put("loss_percent_whole_run", 100.0 * (end.sent() - end.received()) / end.sent());
        f.put("sequence_gaps", c1.gaps() - c0.gaps());
        f.put("send_failures", c1.sendFailures() - c0.sendFailures());
        f.put("phones_that_heard_nothing", phones.silentPhones());
        f.put("rtcp_received_by_phones", end.rtcp());
        DeviationHistogram d = phones.deviation();
        f.put("deviation_samples", d.total());
        f.put("deviation_p50_ms", d.percentileMillis(0.50));
        f.put("deviation_p99_ms", d.percentileMillis(0.99));
        f.put("deviation_p999_ms", d.percentileMillis(0.999));
        f.put("sender_lateness_p99_ms", phones.lateness().percentileMillis(0.99));
        f.put("relay_threads", relayIds.length);
        f.put("relayed_packets", run.relayedPackets);
        f.put("relay_cpu_percent_of_core", 100.0 * relayCpu / (t1 - t0));
        f.put("relay_cpu_us_per_packet", relayCpu / 1000.0 / Math.max(1, run.relayedPackets));
        f.put(
                "relay_alloc_bytes_per_packet",
                (double) relayAlloc / Math.max(1, run.relayedPackets));
        if (recorderIds.length > 0) {
            f.put("recorder_cpu_percent_of_core", 100.0 * recorderCpu / (t1 - t0));
            f.put("recorder_alloc_bytes", recorderAlloc);
        }
        f.put("phones_cpu_percent_of_core", 100.0 * phonesCpu / (t1 - t0));
        f.put("process_cpu_percent_of_core", 100.0 * process / (t1 - t0));
        long busy = (machine1[0] - machine0[0]);
        long total = (machine1[1] - machine0[1]);
        f.put(
                "machine_busy_percent_of_core",
                total == 0 ? Double.NaN : 100.0 * threads * busy / total);
        log(
                "  %.0f pkt/s offered, %.0f received, loss %.3f%%, deviation p50/p99/p99.9 %.2f/%.2f/%.2f ms, relay CPU %.0f%% of a core, %.1f B/packet",
                offered / window,
                received / window,
                run.number("loss_percent"),
                run.number("deviation_p50_ms"),
                run.number("deviation_p99_ms"),
                run.number("deviation_p999_ms"),
                run.number("relay_cpu_percent_of_core"),
                run.number("relay_alloc_bytes_per_packet"));
    }

    private static long[] threadIds(Predicate<String> name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> name.test(t.getName()))
                .mapToLong(Thread::getId)
                .toArray();
    }

    private static long cpu(long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return sum;
    }

    private static long allocated(long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, THREADS.getThreadAllocatedBytes(id));
        }
        return sum;
    }

    /** Busy and total jiffies of the whole machine, from /proc/stat (0 elsewhere). */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static double[] loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {
                Double.parseDouble(parts[0]),
                Double.parseDouble(parts[1]),
                Double.parseDouble(parts[2])
            };
        } catch (IOException | RuntimeException e) {
            return new double[] {OS.getSystemLoadAverage(), Double.NaN, Double.NaN};
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Parks until the deadline: no sleeping, and early wake-ups park again. */
    private static void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** Bounded polling, every 100 ms; gives up silently at the limit (the figures will show it). */
    private static void await(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(100));
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                Locale.ROOT,
                "%s %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(Locale.ROOT, format, args));
    }
}
