package io.vpbx.media.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What JFR saw on a run's relay threads during its window: the hottest methods (execution samples
 * by their top frame, and by the first frame of our own code under it) and where they allocated
 * (allocation samples by class and allocating method, weighted by the bytes they stand for).
 */
final class Profile {
    private final Instant from;
    private final Instant to;
    private final Predicate<String> thread;
    private final Map<String, Long> topFrames = new HashMap<>();
    private final Map<String, Long> ownFrames = new HashMap<>();
    private final Map<String, Long> allocations = new HashMap<>();
    private final Map<String, Long> nativeFrames = new HashMap<>();
    private long samples;
    private long nativeSamples;
    private long allocatedWeight;

    Profile(Instant from, Instant to, Predicate<String> thread) {
        this.from = from;
        this.to = to;
        this.thread = thread;
    }

    /**
     * Reads the recording once and hands each event to the profile whose window and thread it is.
     */
    static void read(Path jfr, List<Profile> profiles) throws IOException {
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                boolean execution = type.equals("jdk.ExecutionSample");
                boolean nativeSample = type.equals("jdk.NativeMethodSample");
                if (!execution && !nativeSample && !type.equals("jdk.ObjectAllocationSample")) {
                    continue;
                }
                RecordedThread t =
                        execution || nativeSample
                                ? event.getThread("sampledThread")
                                : event.getThread();
                if (t == null || t.getJavaName() == null) {
                    continue;
                }
                Instant at = event.getStartTime();
                for (Profile profile : profiles) {
                    if (!at.isBefore(profile.from)
                            && at.isBefore(profile.to)
                            && profile.thread.test(t.getJavaName())) {
                        if (execution) {
                            profile.sample(event.getStackTrace());
                        } else if (nativeSample) {
                            profile.nativeSample(event.getStackTrace());
                        } else {
                            profile.allocation(event);
                        }
                    }
                }
            }
        }
    }

    private void sample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        topFrames.merge(name(frames.get(0)), 1L, Long::sum);
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().startsWith("io.vpbx.")) {
                ownFrames.merge(name(frame), 1L, Long::sum);
                break;
            }
        }
    }

    private void nativeSample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        nativeSamples++;
        nativeFrames.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
    }

    private void allocation(RecordedEvent event) {
        long weight = event.getLong("weight");
        allocatedWeight += weight;
        RecordedStackTrace stack = event.getStackTrace();
        String site = "?";
        if (stack != null && !stack.getFrames().isEmpty()) {
            site = name(stack.getFrames().get(0));
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.getMethod().getType().getName().startsWith("io.vpbx.")) {
                    site += " ← " + name(frame);
                    break;
                }
            }
        }
        allocations.merge(
                event.getClass("objectClass").getName() + " in " + site, weight, Long::sum);
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** The result for the JSON file; allocation weights as bytes per relayed packet. */
    Map<String, Object> toMap(long packets) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("execution_samples", samples);
        map.put("top_frames_percent", top(topFrames, samples, 100.0, 10));
        map.put("first_own_frame_percent", top(ownFrames, samples, 100.0, 8));
        // Threads in native code: EPoll.wait is idle time, receive0/send0 the kernel's UDP work.
        map.put("native_samples", nativeSamples);
        map.put("native_top_frames_percent", top(nativeFrames, nativeSamples, 100.0, 6));
        map.put(
                "allocation_sampled_bytes_per_packet",
                packets == 0 ? 0.0 : (double) allocatedWeight / packets);
        map.put(
                "allocation_sites_bytes_per_packet",
                top(allocations, packets == 0 ? 1 : packets, 1.0, 6));
        return map;
    }

    private static List<Map<String, Object>> top(
            Map<String, Long> counts, long total, double scale, int limit) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<Map<String, Object>> top = new ArrayList<>();
        for (Map.Entry<String, Long> e : entries.subList(0, Math.min(limit, entries.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("what", e.getKey());
            row.put("value", scale * e.getValue() / total);
            top.add(row);
        }
        return top;
    }
}
