package io.vpbx.media.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one {@code bench media} invocation as JSON and as a Markdown table. Every engine
 * run is set against the baseline run with the same number of calls, measured minutes before in the
 * same process: the machine is shared, so only these ratios compare across days.
 */
final class Report {
    static final double LOSS_TARGET_PERCENT = 0.1;
    static final double ADDED_JITTER_TARGET_MS = 5.0;
    static final double ALLOCATION_TARGET_BYTES = 1.0;

    private final List<MediaBench.Run> runs;
    private final Instant started;
    private final double[] loadBefore;
    private final double[] loadAfter;
    private final int cores;
    private final int calls;
    private final int seconds;
    private final int warmupSeconds;
    private final int recordCalls;

    Report(
            List<MediaBench.Run> runs,
            Instant started,
            double[] loadBefore,
            double[] loadAfter,
            int cores,
            int calls,
            int seconds,
            int warmupSeconds,
            int recordCalls) {
        this.runs = runs;
        this.started = started;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        this.cores = cores;
        this.calls = calls;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.recordCalls = recordCalls;
    }

    private String machine() {
        return String.format(
                Locale.ROOT,
                "%d cores, %s %s (%s), %s; load average %.1f before, %.1f after; generator, relays and"
                        + " JFR in one JVM (-Xmx%dm), everything on loopback",
                cores,
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                loadBefore[0],
                loadAfter[0],
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** The baseline measured with the same number of calls before this run, or null. */
    private MediaBench.Run baselineOf(MediaBench.Run run) {
        MediaBench.Run found = null;
        for (MediaBench.Run r : runs) {
            if (r == run) {
                break;
            }
            if (r.relay.equals("baseline") && r.calls == run.calls) {
                found = r;
            }
        }
        return found;
    }

    private MediaBench.Run find(String name, int calls) {
        for (MediaBench.Run r : runs) {
            if (r.name.equals(name) && r.calls == calls) {
                return r;
            }
        }
        return null;
    }

    /** 50 packets per second from each of the two phones of every call. */
    static double nominal(MediaBench.Run run) {
        return 100.0 * run.calls;
    }

    /** Whether the phones offered what the run is about: a starved generator tests nothing. */
    static boolean offeredInFull(MediaBench.Run run) {
        return run.number("offered_pps") >= 0.95 * nominal(run);
    }

    private static String met(MediaBench.Run run, boolean met) {
        if (!offeredInFull(run)) {
            return String.format(
                    Locale.ROOT,
                    "not tested: the phones offered only %.0f %% of the load",
                    100 * run.number("offered_pps") / nominal(run));
        }
        return met ? "yes" : "no";
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("date", started.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("machine", machine());
        root.put("command", "bin/vpbx bench media " + calls + " " + seconds);
        root.put(
                "what",
                "Per call two phones on loopback send 50 packets/s each of 172-byte PCMU (or PCMA)"
                        + " RTP, phases spread over 20 ms, to the relay under test: the engine"
                        + " (anchored, bridged sessions) or the baseline (a minimal NIO UDP relay,"
                        + " same threads, same topology). Warm-up "
                        + warmupSeconds
                        + " s, then a measured window. Loss: packets sent minus received in the"
                        + " window; deviation: |inter-arrival - 20 ms| of consecutive packets at"
                        + " the receiving phone; CPU and allocation of the relaying threads.");
        root.put(
                "targets",
                Map.of(
                        "calls", 500,
                        "loss_percent_below", LOSS_TARGET_PERCENT,
                        "added_jitter_p99_ms_below", ADDED_JITTER_TARGET_MS,
                        "recorded_calls", 200,
                        "alloc_bytes_per_packet_below", ALLOCATION_TARGET_BYTES));
        List<Object> list = new ArrayList<>();
        for (MediaBench.Run run : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", run.name);
            m.putAll(run.figures);
            MediaBench.Run base = baselineOf(run);
            if (base != null && run.relay.equals("engine")) {
                m.put(
                        "added_deviation_p99_ms",
                        run.number("deviation_p99_ms") - base.number("deviation_p99_ms"));
                m.put(
                        "received_to_baseline",
                        run.number("received_pps") / base.number("received_pps"));
                m.put(
                        "cpu_per_packet_to_baseline",
                        run.number("relay_cpu_us_per_packet")
                                / base.number("relay_cpu_us_per_packet"));
            }
            if (run.profile != null) {
                m.put("jfr", run.profile.toMap(run.relayedPackets));
            }
            list.add(m);
        }
        root.put("runs", list);
        return Json.write(root);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Measured ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(", ")
                .append(machine())
                .append(". Warm-up ")
                .append(warmupSeconds)
                .append(" s per run, window ")
                .append(seconds)
                .append(
                        " s (ramp: shorter). Loss is over the whole run, after the phones stopped"
                                + " and the last packets arrived; the deviation histogram tops out"
                                + " at 200 ms. Nominal load: 100 packets/s per call.\n\n");
        md.append(
                "| Run | Calls | Offered pkt/s (of nominal) | Received pkt/s | Loss % | Deviation p50 / p99 /"
                        + " p99.9 ms | Sender late p99 ms | Machine busy % of 2 cores"
                        + " | Baseline p99 ms | Added p99 ms | Relay CPU % of a core | CPU µs/pkt (×"
                        + " baseline) | Process CPU % | Alloc B/pkt | Heap MiB after GC (growth)"
                        + " |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (MediaBench.Run run : runs) {
            MediaBench.Run base = run.relay.equals("engine") ? baselineOf(run) : null;
            String name = run.name;
            if (run.figures.containsKey("recording_overruns")) {
                name +=
                        String.format(
                                Locale.ROOT,
                                " (overruns %d, %s files)",
                                ((Number) run.figures.get("recording_overruns")).longValue(),
                                run.figures.get("recordings_finished"));
            }
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %d | %,.0f (%.0f %%) | %,.0f | %.3f | %.2f / %.2f / %.2f | %.2f | %.0f |"
                                    + " %s | %s | %.0f |"
                                    + " %.2f%s | %.0f | %.2f | %.1f (%+.1f) |\n",
                            name,
                            run.calls,
                            run.number("offered_pps"),
                            100 * run.number("offered_pps") / nominal(run),
                            run.number("received_pps"),
                            run.number("loss_percent_whole_run"),
                            run.number("deviation_p50_ms"),
                            run.number("deviation_p99_ms"),
                            run.number("deviation_p999_ms"),
                            run.number("sender_lateness_p99_ms"),
                            run.number("machine_busy_percent_of_core") / 2,
                            base == null
                                    ? "—"
                                    : String.format(
                                            Locale.ROOT, "%.2f", base.number("deviation_p99_ms")),
                            base == null
                                    ? "—"
                                    : String.format(
                                            Locale.ROOT,
                                            "%+.2f",
                                            run.number("deviation_p99_ms")
                                                    - base.number("deviation_p99_ms")),
                            run.number("relay_cpu_percent_of_core"),
                            run.number("relay_cpu_us_per_packet"),
                            base == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT,
                                            " (×%.2f)",
                                            run.number("relay_cpu_us_per_packet")
                                                    / base.number("relay_cpu_us_per_packet")),
                            run.number("process_cpu_percent_of_core"),
                            run.number("relay_alloc_bytes_per_packet"),
                            run.number("heap_after_gc_mib"),
                            run.number("heap_growth_mib")));
        }
        md.append("\n");
        targets(md);
        profiles(md);
        return md.toString();
    }

    private void targets(StringBuilder md) {
        MediaBench.Run engine = find("engine", calls);
        MediaBench.Run recorded = find("engine, recorded", recordCalls);
        md.append("| Target | Measured | Met |\n|---|---|---|\n");
        if (engine != null) {
            MediaBench.Run base = baselineOf(engine);
            double loss = engine.number("loss_percent_whole_run");
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %d calls (%,.0f pkt/s offered) with < %.1f %% loss | %.3f %% | %s |\n",
                            calls,
                            engine.number("offered_pps"),
                            LOSS_TARGET_PERCENT,
                            loss,
                            met(engine, loss < LOSS_TARGET_PERCENT)));
            if (base != null) {
                double added = engine.number("deviation_p99_ms") - base.number("deviation_p99_ms");
                md.append(
                        String.format(
                                Locale.ROOT,
                                "| < %.0f ms added jitter at p99 | %+.2f ms (%.2f engine − %.2f"
                                        + " baseline) | %s |\n",
                                ADDED_JITTER_TARGET_MS,
                                added,
                                engine.number("deviation_p99_ms"),
                                base.number("deviation_p99_ms"),
                                met(engine, added < ADDED_JITTER_TARGET_MS)));
            }
            double alloc = engine.number("relay_alloc_bytes_per_packet");
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| Allocation close to zero per packet (< %.0f B) | %.2f B/packet | %s"
                                    + " |\n",
                            ALLOCATION_TARGET_BYTES,
                            alloc,
                            met(engine, alloc < ALLOCATION_TARGET_BYTES)));
        }
        if (recorded != null) {
            double loss = recorded.number("loss_percent_whole_run");
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %d recorded calls with < %.1f %% loss | %.3f %%, %s recording"
                                    + " overruns | %s |\n",
                            recordCalls,
                            LOSS_TARGET_PERCENT,
                            loss,
                            recorded.figures.get("recording_overruns"),
                            met(
                                    recorded,
                                    loss < LOSS_TARGET_PERCENT
                                            && ((Number) recorded.figures.get("recording_overruns"))
                                                            .longValue()
                                                    == 0)));
        }
        md.append("\n");
    }

    @SuppressWarnings("unchecked")
    private void profiles(StringBuilder md) {
        for (String name : List.of("engine", "baseline")) {
            MediaBench.Run run = find(name, calls);
            if (run == null || run.profile == null) {
                continue;
            }
            Map<String, Object> p = run.profile.toMap(run.relayedPackets);
            md.append(
                    String.format(
                            Locale.ROOT,
                            "JFR, %s at %d calls (%s execution samples on its relay threads): top"
                                    + " frames ",
                            name,
                            calls,
                            p.get("execution_samples")));
            md.append(joined((List<Map<String, Object>>) p.get("top_frames_percent"), 6, "%"));
            md.append("; in native code (").append(p.get("native_samples")).append(" samples) ");
            md.append(
                    joined((List<Map<String, Object>>) p.get("native_top_frames_percent"), 4, "%"));
            md.append("; allocation samples ");
            md.append(
                    joined(
                            (List<Map<String, Object>>) p.get("allocation_sites_bytes_per_packet"),
                            4,
                            " B/pkt"));
            md.append(".\n\n");
        }
    }

    private static String joined(List<Map<String, Object>> rows, int limit, String unit) {
        if (rows.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            parts.add(
                    String.format(
                            Locale.ROOT,
                            "`%s` %.2f%s",
                            row.get("what"),
                            ((Number) row.get("value")).doubleValue(),
                            unit));
        }
        return String.join(", ", parts);
    }
}
