package org.jmultiprocessing.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.Func;
import org.jmultiprocessing.Pool;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.internal.runtime.StartPhases;

/**
 * Where a start goes: a standby Process start+join and a standby Pool(2) ready, each in a JVM of its own that
 * records kernel-lib's start phases ({@link StartPhases}: off in every other scenario). A sample's value is
 * the whole start in ms; its parts are the milliseconds from {@code start()} (or {@code new Pool}) to each
 * phase, of the parent and of the child (a pool's workers as w1, w2 in the order they started). Phases that
 * came before the start (a standby's boot) or after it returned (a pool's end) are left out. CPython has no such phases to set beside these.
 */
final class StartPhaseBreakdown {
    private static final String BEGUN = "bench-begun";
    private static final String RETURNED = "bench-returned";
    private static final Func<Integer, Integer> SQUARE = x -> x * x;

    private StartPhaseBreakdown() {
    }

    static Scenario scenario() {
        return new Scenario("start-phases", "Where a standby start goes: ms from the start to each phase", "Start phases",
                "ms", false, 8, List.of(
                        new Scenario.Configuration("Process start+join", null, true, runs -> measure("process", runs)),
                        new Scenario.Configuration("Pool(2) ready", null, true, runs -> measure("pool", runs))),
                EnumSet.noneOf(Peer.class));
    }

    /** Runs {@code runs} starts of {@code kind} (and one warm-up) in a JVM that records phases; their samples. */
    private static List<Sample> measure(String kind, int runs) throws Exception {
        Path phases = Files.createTempFile("jmp-start-phases", ".txt");
        try {
            java.lang.Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + StartPhases.PROPERTY + "=" + phases, "-cp", System.getProperty("java.class.path"),
                    StartPhaseBreakdown.class.getName(), kind, String.valueOf(runs + 1)).inheritIO().start();
            if (!run.waitFor(10, TimeUnit.MINUTES) || run.exitValue() != 0) {
                run.destroyForcibly();
                throw new IllegalStateException("the start-phases run of " + kind + " failed; its output is above");
            }
            List<Sample> samples = samples(Files.readAllLines(phases, StandardCharsets.US_ASCII), run.pid());
            return samples.subList(1, samples.size());
        } finally {
            Files.deleteIfExists(phases);
        }
    }

    /** The recording JVM: {@code process} or {@code pool}, and how many starts, paused as between cells. */
    public static void main(String[] args) throws Exception {
        long self = ProcessHandle.current().pid();
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            Thread.sleep(KernelLibScenarios.START_PAUSE_MILLIS);
            StartPhases.mark(self, BEGUN, System.nanoTime());
            if (args[0].equals("process")) {
                Process p = new Process(() -> { });
                p.start();
                p.join();
                StartPhases.mark(self, RETURNED, System.nanoTime());
            } else {
                Pool pool = new Pool(2);
                pool.map(SQUARE, List.of(1, 2));
                StartPhases.mark(self, RETURNED, System.nanoTime());
                pool.terminate();
                pool.join();
            }
        }
    }

    private record Mark(long subject, long nanos, String phase) {
    }

    /** One sample per start of the recording JVM {@code self}, with only the phases every start reached. */
    static List<Sample> samples(List<String> lines, long self) {
        List<Mark> marks = lines.stream().map(line -> line.split(" ", 4))
                .map(f -> new Mark(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3])).toList();
        List<long[]> starts = new ArrayList<>(); // begun, returned
        for (Mark mark : marks) {
            if (mark.subject() == self && mark.phase().equals(BEGUN)) {
                starts.add(new long[] {mark.nanos(), -1});
            } else if (mark.subject() == self && mark.phase().equals(RETURNED)) {
                starts.get(starts.size() - 1)[1] = mark.nanos();
            }
        }
        // Each child belongs to the start in which its parent began to start it.
        Map<Long, Integer> startOf = new HashMap<>();
        Map<Long, Long> startedAt = new HashMap<>();
        for (Mark mark : marks) {
            if (mark.subject() != self && mark.phase().equals("start")) {
                for (int i = starts.size() - 1; i >= 0; i--) {
                    if (starts.get(i)[0] <= mark.nanos()) {
                        startOf.put(mark.subject(), i);
                        startedAt.put(mark.subject(), mark.nanos());
                        break;
                    }
                }
            }
        }
        List<Map<String, Double>> parts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int index = i;
            List<Long> children = startOf.keySet().stream().filter(child -> startOf.get(child) == index)
                    .sorted(Comparator.comparing(startedAt::get)).toList();
            Map<String, Double> seconds = new HashMap<>();
            for (Mark mark : marks) {
                int worker = children.indexOf(mark.subject());
                double since = (mark.nanos() - starts.get(i)[0]) / 1e9;
                if (worker >= 0 && since >= 0 && mark.nanos() <= starts.get(i)[1]) {
                    seconds.putIfAbsent((children.size() > 1 ? "w" + (worker + 1) + " " : "") + mark.phase(), since);
                }
            }
            parts.add(seconds);
        }
        List<String> common = parts.get(0).keySet().stream().filter(phase -> parts.stream().allMatch(p -> p.containsKey(phase)))
                .sorted(Comparator.comparing(phase -> Row.median(parts.stream().map(p -> p.get(phase)).toList()))).toList();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Map<String, Double> ordered = new LinkedHashMap<>();
            for (String phase : common) {
                ordered.put(phase, parts.get(i).get(phase));
            }
            samples.add(new Sample((starts.get(i)[1] - starts.get(i)[0]) / 1e6, ordered));
        }
        return samples;
    }
}
