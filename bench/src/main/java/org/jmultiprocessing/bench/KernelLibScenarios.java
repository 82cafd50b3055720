package org.jmultiprocessing.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jmultiprocessing.Barrier;
import org.jmultiprocessing.Connection;
import org.jmultiprocessing.Func;
import org.jmultiprocessing.Held;
import org.jmultiprocessing.Pipe;
import org.jmultiprocessing.Pool;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.Queue;
import org.jmultiprocessing.Target3;
import org.jmultiprocessing.Value;

/**
 * Every scenario of the benchmark, with kernel-lib's side of each. CPython's side is the function of the same
 * id in bench/cpython/mp_bench.py: same work, same pauses, and the same constants unless noted; Ray's, for the
 * pool scenarios, the function of that id in ray_bench.py, which imports mp_bench.py's.
 */
final class KernelLibScenarios {
    static final long START_PAUSE_MILLIS = 250; // before each timed start, as between notebook cells
    private static final double MIN_SAMPLE_SECONDS = 0.2;
    private static final double JIT_WARM_UP_SECONDS = 1.0;
    private static final int MAP_ITEMS = 100_000;
    private static final int PRIME_LIMIT = 200_000;
    private static final int PRIME_JOBS = 8;
    private static final int PRIME_SETS_PER_SAMPLE = 4;
    // More items than mp_bench.py sends (kernel-lib is faster), enough for every batch to last over 0.2 s.
    private static final int QUEUE_SMALL_ITEMS = 2_000_000;
    private static final int QUEUE_KIB_ITEMS = 1_000_000;
    private static final int ROUND_TRIPS = 100_000;
    private static final int INCREMENTS_PER_PROCESS = 10_000_000;

    private static final Func<Integer, Integer> SQUARE = x -> x * x;
    private static final Func<Integer, Integer> COUNT_PRIMES = KernelLibScenarios::countPrimes;

    private KernelLibScenarios() {
    }

    static List<String> ids() {
        return all(new ProcessStart()).stream().map(Scenario::id).toList(); // a ProcessStart holds nothing until it measures
    }

    static List<Scenario> all(ProcessStart processStart) {
        return Stream.concat(Stream.of(
                new Scenario("process-start", "Process start+join, JShell-cell target", "Process start", "ms", false, 8, List.of(
                        new Scenario.Configuration("standby", 13.0, true, processStart::measure),
                        new Scenario.Configuration("cold", 50.0, false, processStart::measure))),
                ClusterScenarios.startScenario(),
                new Scenario("pool-ready", "Pool(2) ready: constructor + first 2-item map", "Pool ready", "ms", false, 5, List.of(
                        new Scenario.Configuration("standby", null, true, runs -> poolReady(runs, Pool::new)),
                        new Scenario.Configuration("cold", 60.0, false, runs -> poolReady(runs, Pool::new))))
                        .besideRay(ClusterScenarios.configuration(cluster -> runs -> poolReady(runs, cluster::pool))),
                StartPhaseBreakdown.scenario(),
                scenario("pool-map", "Pool(2).map x*x over 100 000 ints, warm pool", "Pool map", "M tasks/s", true, 5, 15.0,
                        runs -> poolMap(runs, Pool::new))
                        .besideRay(ClusterScenarios.configuration(cluster -> runs -> poolMap(runs, cluster::pool))),
                scenario("pool-primes", "8 × primes < 200 000: Pool(2) speed-up", "Primes speed-up", "×", true, 1, 1.9,
                        runs -> poolPrimes(runs, Pool::new))
                        .besideRay(ClusterScenarios.configuration(cluster -> runs -> poolPrimes(runs, cluster::pool))),
                PoolTaskGap.scenario(),
                scenario("queue-small", "Queue child → parent, small ints", "Queue ints", "M msgs/s", true, 5, 2.0,
                        runs -> queueRate(runs, QUEUE_SMALL_ITEMS, 0)),
                scenario("queue-kib", "Queue child → parent, 1 KiB payloads", "Queue 1 KiB", "M msgs/s", true, 5, 1.0,
                        runs -> queueRate(runs, QUEUE_KIB_ITEMS, 1024)),
                scenario("pipe-round-trip", "Pipe round trip, small object", "Pipe round trip", "µs", false, 5, 20.0,
                        KernelLibScenarios::pipeRoundTrip),
                scenario("value-lock", "Value += 1 under its lock, 2 processes", "Value += 1", "M/s", true, 5, 5.0,
                        KernelLibScenarios::valueLock),
                IdleWorkerMemory.resident(2, 32.0), IdleWorkerMemory.resident(8, null),
                IdleWorkerMemory.proportional(2), IdleWorkerMemory.proportional(8)),
                Stream.concat(LargeData.all().stream(), Stream.of(AgronaRing.scenario()))).toList();
    }

    /**
     * A scenario with one kernel-lib configuration: the library's defaults but for the ready standby, which
     * only shortens start-ups, and which would take a core from the measurement while it boots.
     */
    private static Scenario scenario(String id, String title, String chartLabel, String unit, boolean higherIsBetter,
            int runs, Double target, Scenario.Measurement measurement) {
        return new Scenario(id, title, chartLabel, unit, higherIsBetter, runs,
                List.of(new Scenario.Configuration("", target, false, measurement)));
    }

    interface Repetition {
        Sample run() throws Exception;
    }

    /** Runs one untimed warm-up repetition (server start-up, class loading, caches), then {@code runs} kept ones. */
    private static List<Sample> afterWarmUp(int runs, Repetition repetition) throws Exception {
        repetition.run();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(repetition.run());
        }
        return samples;
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    interface Call {
        void run() throws Exception;
    }

    /** Repeats {@code call} for at least {@code minSeconds}; millions of items per second over those calls. */
    private static double millionPerSecond(int itemsPerCall, double minSeconds, Call call) throws Exception {
        long start = System.nanoTime();
        for (long calls = 1;; calls++) {
            call.run();
            double elapsed = secondsSince(start);
            if (elapsed >= minSeconds) {
                return calls * itemsPerCall / elapsed / 1e6;
            }
        }
    }

    /**
     * Milliseconds for a new Pool(2) and its first 2-item map; the pool is ended outside the timing.
     *
     * @param newPool makes a pool of that many workers: kernel-lib's, or a cluster's ({@link ClusterScenarios})
     */
    static List<Sample> poolReady(int runs, IntFunction<Pool> newPool) throws Exception {
        return afterWarmUp(runs, () -> {
            Thread.sleep(START_PAUSE_MILLIS);
            long start = System.nanoTime();
            Pool pool = newPool.apply(2);
            pool.map(SQUARE, List.of(1, 2));
            double millis = secondsSince(start) * 1e3;
            pool.terminate();
            pool.join();
            return Sample.of(millis);
        });
    }

    static List<Sample> poolMap(int runs, IntFunction<Pool> newPool) throws Exception {
        List<Integer> items = IntStream.range(0, MAP_ITEMS).boxed().toList();
        try (Pool pool = newPool.apply(2)) {
            Call map = () -> pool.map(SQUARE, items);
            millionPerSecond(MAP_ITEMS, JIT_WARM_UP_SECONDS, map); // compiles the hot paths here and in the workers
            return afterWarmUp(runs, () -> Sample.of(millionPerSecond(MAP_ITEMS, MIN_SAMPLE_SECONDS, map)));
        }
    }

    static int countPrimes(int limit) {
        int count = 0;
        for (int n = 2; n < limit; n++) {
            boolean prime = true;
            for (int d = 2; d * d <= n; d++) {
                if (n % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    /**
     * Speed-up of 8 prime counts on a warm Pool(2), chunks of 1, over the same 8 counts in sequence. Java counts
     * a set of 8 in under 0.1 s, so a sample times several sets each way; its seconds are per set, as CPython's.
     */
    static List<Sample> poolPrimes(int runs, IntFunction<Pool> newPool) throws Exception {
        List<Integer> limits = Collections.nCopies(PRIME_JOBS, PRIME_LIMIT);
        try (Pool pool = newPool.apply(2)) {
            return afterWarmUp(runs, () -> {
                List<Integer> counts = new ArrayList<>();
                long start = System.nanoTime();
                for (int set = 0; set < PRIME_SETS_PER_SAMPLE; set++) {
                    counts.clear();
                    for (int limit : limits) {
                        counts.add(countPrimes(limit));
                    }
                }
                double sequential = secondsSince(start) / PRIME_SETS_PER_SAMPLE;
                List<Integer> parallelCounts = null;
                start = System.nanoTime();
                for (int set = 0; set < PRIME_SETS_PER_SAMPLE; set++) {
                    parallelCounts = pool.map(COUNT_PRIMES, limits, 1);
                }
                double parallel = secondsSince(start) / PRIME_SETS_PER_SAMPLE;
                if (!counts.equals(parallelCounts)) { // also keeps the JIT from dropping the sequential counts
                    throw new AssertionError("Pool(2) counted " + parallelCounts + ", sequential " + counts);
                }
                Map<String, Double> seconds = new LinkedHashMap<>();
                seconds.put("sequential", sequential);
                seconds.put("Pool(2)", parallel);
                return new Sample(sequential / parallel, seconds);
            });
        }
    }

    private static void putItems(Queue<Object> queue, int count, int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        for (int i = 0; i < count; i++) {
            queue.put(payloadBytes > 0 ? payload : (Object) i);
        }
    }

    /** Million messages per second got by the parent while a child puts them, per batch of {@code items}. */
    private static List<Sample> queueRate(int runs, int items, int payloadBytes) throws Exception {
        Queue<Object> queue = new Queue<>();
        Process child = new Process((Queue<Object> q, Integer count, Integer bytes) -> putItems(q, count, bytes),
                queue, (runs + 1) * items, payloadBytes);
        child.start();
        List<Sample> samples = afterWarmUp(runs, () -> {
            long start = System.nanoTime();
            for (int i = 0; i < items; i++) {
                queue.get();
            }
            return Sample.of(items / secondsSince(start) / 1e6);
        });
        child.join();
        return samples;
    }

    private static void echo(Connection connection) {
        while (true) {
            Object message = connection.recv();
            connection.send(message);
            if (message.equals(-1)) {
                return;
            }
        }
    }

    /** Microseconds for the parent to send a small int to a child and receive its echo. */
    private static List<Sample> pipeRoundTrip(int runs) throws Exception {
        Pipe pipe = new Pipe();
        Process child = new Process((Connection c) -> echo(c), pipe.conn2());
        child.start();
        pipe.conn2().close();
        Connection connection = pipe.conn1();
        List<Sample> samples = afterWarmUp(runs, () -> {
            long start = System.nanoTime();
            for (int i = 0; i < ROUND_TRIPS; i++) {
                connection.send(i);
                connection.recv();
            }
            return Sample.of(secondsSince(start) * 1e6 / ROUND_TRIPS);
        });
        connection.send(-1);
        connection.recv();
        child.join();
        return samples;
    }

    private static void increment(Value.OfLong value, Barrier barrier, int batches) {
        for (int batch = 0; batch < batches; batch++) {
            barrier.await();
            for (int i = 0; i < INCREMENTS_PER_PROCESS; i++) {
                try (Held held = value.getLock().acquired()) {
                    value.set(value.get() + 1);
                }
            }
            barrier.await();
        }
    }

    /** Million increments per second of {@code v = v + 1} under the value's lock, by two children at once. */
    private static List<Sample> valueLock(int runs) throws Exception {
        Value.OfLong counter = Value.ofLong(0);
        Barrier barrier = new Barrier(3); // the two children and this process: each batch starts and ends together
        Target3<Value.OfLong, Barrier, Integer> increment = (v, b, batches) -> increment(v, b, batches);
        List<Process> children = List.of(new Process(increment, counter, barrier, runs + 1),
                new Process(increment, counter, barrier, runs + 1));
        children.forEach(Process::start);
        List<Sample> samples = afterWarmUp(runs, () -> {
            barrier.await();
            long start = System.nanoTime();
            barrier.await();
            return Sample.of(2.0 * INCREMENTS_PER_PROCESS / secondsSince(start) / 1e6);
        });
        for (Process child : children) {
            child.join();
        }
        if (counter.get() != 2L * INCREMENTS_PER_PROCESS * (runs + 1)) {
            throw new AssertionError("lost increments: " + counter.get());
        }
        return samples;
    }
}
