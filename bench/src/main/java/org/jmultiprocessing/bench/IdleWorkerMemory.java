package org.jmultiprocessing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jmultiprocessing.Func;
import org.jmultiprocessing.Pool;

/**
 * The memory of an idle pool worker, for Pool(2) and Pool(8): resident memory counts every shared page in full
 * (the JVM's code, the class-data archives); proportional memory splits shared pages between the processes that
 * map them, so that it falls as more workers share them. CPython's side is idle_worker_memory in mp_bench.py.
 */
final class IdleWorkerMemory {
    private static final long IDLE_MILLIS = 1000;
    /** Bounds the wait for every worker to be up, which a loaded machine can stretch to seconds. */
    private static final long BOOT_WAIT_MILLIS = 60_000;
    private static final Func<Integer, Integer> SQUARE = x -> x * x;

    private IdleWorkerMemory() {
    }

    /** Resident memory per worker of a pool of {@code workers}. */
    static Scenario resident(int workers, Double target) {
        return single("idle-worker-rss" + suffix(workers), "Idle Pool(" + workers + ") worker, resident memory",
                chartLabel("RSS", workers), target, runs -> measure(runs, workers, "/status", "VmRSS:"));
    }

    /** Proportional memory per worker of a pool of {@code workers}. */
    static Scenario proportional(int workers) {
        return single("idle-worker-pss" + suffix(workers), "Idle Pool(" + workers
                + ") worker, proportional memory (shared pages split)", chartLabel("PSS", workers), null,
                runs -> measure(runs, workers, "/smaps_rollup", "Pss:"));
    }

    /** The Pool(2) rows keep their ids from before Pool(8) was measured. */
    private static String suffix(int workers) {
        return workers == 2 ? "" : "-" + workers;
    }

    private static String chartLabel(String measure, int workers) {
        return "Idle worker " + measure + (workers == 2 ? "" : ", Pool(" + workers + ")");
    }

    private static Scenario single(String id, String title, String chartLabel, Double target, Scenario.Measurement measurement) {
        return new Scenario(id, title, chartLabel, "MiB", false, 1,
                List.of(new Scenario.Configuration("", target, false, measurement)));
    }

    /** A {@code kB} field of a /proc file of {@code pid}, e.g. VmRSS of /status, in MiB. */
    static double memoryMib(long pid, String procFile, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + procFile))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.split("\\s+")[1]) / 1024.0;
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + procFile);
    }

    /**
     * MiB per worker of a pool that ran one map of an item per worker and then idled; a sample per worker. The
     * first workers up can do the whole map while the others still boot, so the idling starts once all are up.
     */
    private static List<Sample> measure(int runs, int workers, String procFile, String field) throws Exception {
        List<Integer> items = IntStream.range(0, workers).boxed().toList();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (Pool pool = new Pool(workers)) {
                pool.map(SQUARE, items);
                long deadline = System.currentTimeMillis() + BOOT_WAIT_MILLIS;
                while (pool.workerPids().size() < workers) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("only " + pool.workerPids().size() + " of " + workers
                                + " workers up after " + BOOT_WAIT_MILLIS + " ms");
                    }
                    Thread.sleep(10);
                }
                Thread.sleep(IDLE_MILLIS);
                for (long pid : pool.workerPids()) {
                    samples.add(Sample.of(memoryMib(pid, procFile, field)));
                }
            }
        }
        return samples;
    }
}
