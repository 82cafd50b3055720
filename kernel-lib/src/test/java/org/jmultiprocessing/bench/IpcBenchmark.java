package org.jmultiprocessing.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jmultiprocessing.Connection;
import org.jmultiprocessing.Event;
import org.jmultiprocessing.Held;
import org.jmultiprocessing.Pipe;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.Queue;
import org.jmultiprocessing.Value;

/**
 * Queue, Pipe and Value between a parent and child JVMs, printed side by side with the same measurements of
 * CPython's {@code multiprocessing} ({@code ipc_benchmark.py} beside this file, run with {@code python3}).
 *
 * <pre>
 * mvn -q -pl kernel-lib test-compile
 * java -cp kernel-lib/target/test-classes:kernel-lib/target/classes org.jmultiprocessing.bench.IpcBenchmark
 * </pre>
 *
 * Not a unit test: figures depend on the machine. Each figure is the best of three runs.
 */
public final class IpcBenchmark {
    private static final int SMALL_ITEMS = 4_000_000;
    private static final int KIB_ITEMS = 1_000_000;
    private static final int ROUND_TRIPS = 100_000;
    private static final int INCREMENTS_PER_PROCESS = 2_000_000;
    private static final int RUNS = 3;

    private IpcBenchmark() {
    }

    /** Arguments: {@code --no-python} to skip CPython; any other argument selects measures by name. */
    public static void main(String[] args) throws Exception {
        List<String> selected = new ArrayList<>(List.of(args));
        boolean withPython = !selected.remove("--no-python");
        Map<String, String> python = withPython ? runPython() : Map.of();
        Map<String, double[]> java = new LinkedHashMap<>();
        measure(java, selected, "queue_small_per_s", IpcBenchmark::queueSmallInts, true, 2_000_000);
        measure(java, selected, "queue_1kib_per_s", IpcBenchmark::queueKibMessages, true, 1_000_000);
        measure(java, selected, "pipe_round_trip_us", IpcBenchmark::pipeRoundTripMicros, false, 20);
        measure(java, selected, "value_locked_increments_per_s", IpcBenchmark::lockedIncrements, true, 5_000_000);
        System.out.printf("%n%-32s %16s %16s %12s%n", "measure", "jmultiprocessing", "CPython", "target");
        for (Map.Entry<String, double[]> row : java.entrySet()) {
            System.out.printf("%-32s %16s %16s %12s%n", row.getKey(), format(row.getValue()[0]),
                    python.getOrDefault(row.getKey(), "n/a"), format(row.getValue()[1]));
        }
    }

    private static void measure(Map<String, double[]> results, List<String> selected, String name, Measure measure,
            boolean higherIsBetter, double target) throws Exception {
        if (selected.isEmpty() || selected.stream().anyMatch(name::contains)) {
            results.put(name, new double[] {best(measure, higherIsBetter), target});
        }
    }

    interface Measure {
        double run() throws Exception;
    }

    private static double best(Measure measure, boolean higherIsBetter) throws Exception {
        double best = higherIsBetter ? 0 : Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            double value = measure.run();
            best = higherIsBetter ? Math.max(best, value) : Math.min(best, value);
        }
        return best;
    }

    private static String format(double value) {
        return value >= 1000 ? String.format("%,.0f", value) : String.format("%.1f", value);
    }

    /** Items per second from a child putting small ints to the parent getting them. */
    static double queueSmallInts() throws Exception {
        Queue<Integer> queue = new Queue<>();
        Process child = new Process((Queue<Integer> q) -> {
            for (int i = 0; i < SMALL_ITEMS; i++) {
                q.put(i);
            }
        }, queue);
        child.start();
        queue.get(60.0);
        long start = System.nanoTime();
        for (int i = 1; i < SMALL_ITEMS; i++) {
            queue.get();
        }
        double rate = (SMALL_ITEMS - 1) / ((System.nanoTime() - start) / 1e9);
        child.join();
        return rate;
    }

    /** Messages per second from a child putting 1 KiB byte arrays to the parent getting them. */
    static double queueKibMessages() throws Exception {
        Queue<byte[]> queue = new Queue<>();
        Process child = new Process((Queue<byte[]> q) -> {
            byte[] message = new byte[1024];
            for (int i = 0; i < KIB_ITEMS; i++) {
                q.put(message);
            }
        }, queue);
        child.start();
        queue.get(60.0);
        long start = System.nanoTime();
        for (int i = 1; i < KIB_ITEMS; i++) {
            queue.get();
        }
        double rate = (KIB_ITEMS - 1) / ((System.nanoTime() - start) / 1e9);
        child.join();
        return rate;
    }

    /** Microseconds for the parent to send a small message to a child and receive its echo. */
    static double pipeRoundTripMicros() throws Exception {
        Pipe pipe = new Pipe();
        Process child = new Process((Connection c) -> {
            while (true) {
                Object message = c.recv();
                c.send(message);
                if (message.equals(-1)) {
                    return;
                }
            }
        }, pipe.conn2());
        child.start();
        Connection conn = pipe.conn1();
        for (int i = 0; i < 10_000; i++) {
            conn.send(i);
            conn.recv();
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUND_TRIPS; i++) {
            conn.send(i);
            conn.recv();
        }
        double micros = (System.nanoTime() - start) / 1e3 / ROUND_TRIPS;
        conn.send(-1);
        conn.recv();
        child.join();
        return micros;
    }

    /** Increments per second of {@code v = v + 1} under the value's lock, by two child processes at once. */
    static double lockedIncrements() throws Exception {
        Value.OfLong counter = Value.ofLong(0);
        Event go = new Event();
        org.jmultiprocessing.Target2<Value.OfLong, Event> increment = (v, start) -> {
            start.await();
            for (int i = 0; i < INCREMENTS_PER_PROCESS; i++) {
                try (Held held = v.getLock().acquired()) {
                    v.set(v.get() + 1);
                }
            }
        };
        Process a = new Process(increment, counter, go);
        Process b = new Process(increment, counter, go);
        a.start();
        b.start();
        Thread.sleep(1500);
        long start = System.nanoTime();
        go.set();
        a.join();
        b.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (counter.get() != 2L * INCREMENTS_PER_PROCESS) {
            throw new AssertionError("lost increments: " + counter.get());
        }
        return 2.0 * INCREMENTS_PER_PROCESS / seconds;
    }

    /** Runs the CPython script and reads its {@code name=value} lines. */
    private static Map<String, String> runPython() throws Exception {
        Map<String, String> results = new LinkedHashMap<>();
        Path script = Path.of("kernel-lib/src/test/java/org/jmultiprocessing/bench/ipc_benchmark.py");
        if (!Files.exists(script)) {
            script = Path.of("src/test/java/org/jmultiprocessing/bench/ipc_benchmark.py");
        }
        if (!Files.exists(script)) {
            System.out.println("ipc_benchmark.py not found (run from the repository root): no CPython figures");
            return results;
        }
        java.lang.Process python;
        try {
            python = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            System.out.println("python3 not available: no CPython figures");
            return results;
        }
        try (BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    results.put(line.substring(0, eq), format(Double.parseDouble(line.substring(eq + 1))));
                } else {
                    System.out.println("python3: " + line);
                }
            }
        }
        python.waitFor();
        return results;
    }
}
