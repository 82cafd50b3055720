package org.jmultiprocessing.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jmultiprocessing.Func;
import org.jmultiprocessing.Pool;

/**
 * What a warm Pool(2) loses between tasks, the floor of the primes row's speed-up: each task records its
 * worker's pid and when it started and ended (System.nanoTime is CLOCK_MONOTONIC, one clock for every
 * process of the machine, as Python's time.monotonic_ns), and a sample is the mean time a worker waited
 * between returning one task's result and starting its next (result sent, parent woken, next chunk sent,
 * worker woken). The tasks are short primes counts, so the gap is not hidden in a task's run time.
 */
final class PoolTaskGap {
    private static final int TASKS = 16;
    private static final int PRIME_LIMIT = 20_000;
    private static final Func<Integer, long[]> TIMED_PRIMES = PoolTaskGap::timedPrimes;

    private PoolTaskGap() {
    }

    static Scenario scenario() {
        return new Scenario("pool-task-gap", "Pool(2) idle gap between a worker's tasks, 16 × primes < 20 000",
                "Pool task gap", "ms", false, 5, List.of(new Scenario.Configuration("", null, false, PoolTaskGap::measure)));
    }

    /** {pid, start, end, primes} of one task, in the worker. */
    static long[] timedPrimes(int limit) {
        long start = System.nanoTime();
        int count = KernelLibScenarios.countPrimes(limit);
        return new long[] {ProcessHandle.current().pid(), start, System.nanoTime(), count};
    }

    private static List<Sample> measure(int runs) throws Exception {
        List<Integer> limits = Collections.nCopies(TASKS, PRIME_LIMIT);
        List<Sample> samples = new ArrayList<>();
        try (Pool pool = new Pool(2)) {
            pool.map(TIMED_PRIMES, limits, 1); // both workers up, countPrimes compiled in each
            for (int run = 0; run < runs; run++) {
                samples.add(Sample.of(meanGapMillis(pool.map(TIMED_PRIMES, limits, 1))));
            }
        }
        return samples;
    }

    private static double meanGapMillis(List<long[]> tasks) {
        Map<Long, List<long[]>> byWorker = new HashMap<>();
        for (long[] task : tasks) {
            byWorker.computeIfAbsent(task[0], pid -> new ArrayList<>()).add(task);
        }
        long gapNanos = 0;
        int gaps = 0;
        for (List<long[]> ran : byWorker.values()) {
            ran.sort(Comparator.comparingLong(task -> task[1]));
            for (int i = 1; i < ran.size(); i++) {
                gapNanos += ran.get(i)[1] - ran.get(i - 1)[2];
                gaps++;
            }
        }
        return gaps == 0 ? 0 : gapNanos / 1e6 / gaps;
    }
}
