package org.jmultiprocessing.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.jmultiprocessing.Func;
import org.jmultiprocessing.Multiprocessing;
import org.jmultiprocessing.Pool;

/**
 * Pool beside CPython's {@code multiprocessing.Pool}, measured in one run: time to a ready Pool(2), map
 * throughput over 100 000 small ints, and the speed-up of Pool(2) on CPU-bound work (8 prime counts).
 *
 * <p>Usage: {@code PoolBench [--runs N] [--python python3] [--cpython-script bench/cpython/pool_bench.py]}
 */
public final class PoolBench {
    private static final int PRIME_LIMIT = 200_000;
    private static final int PRIME_JOBS = 8;
    private static final int MAP_ITEMS = 100_000;

    private PoolBench() {
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

    public static void main(String[] args) throws Exception {
        int runs = 10;
        String python = "python3";
        Path script = Paths.get("bench/cpython/pool_bench.py");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--python" -> python = args[i + 1];
                case "--cpython-script" -> script = Paths.get(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: PoolBench [--runs N] [--python python3]"
                        + " [--cpython-script bench/cpython/pool_bench.py]; got " + args[i]);
            }
        }

        // Ready: the very first pool of this JVM, then more pools, without and with the ready standby JVM.
        Multiprocessing.setReadyStandby(false);
        double first = ready();
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            cold.add(ready());
        }
        Multiprocessing.setReadyStandby(true);
        ready();
        List<Double> standby = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            standby.add(ready());
        }
        System.out.println("Pool(2) ready: constructor + first 2-item map (ms, lower is better; target <= 60 cold)");
        line("kernel-lib, first pool of the JVM", List.of(first), "ms");
        line("kernel-lib cold (no standby JVM)", cold, "ms");
        line("kernel-lib with ready standby", standby, "ms");
        for (String method : List.of("fork", "spawn", "forkserver")) {
            line("CPython " + method, Bench.cpython(python, script, "pool-ready", method, runs), "ms");
        }

        List<Integer> items = IntStream.range(0, MAP_ITEMS).boxed().toList();
        List<Double> throughput = new ArrayList<>();
        List<Double> speedups = new ArrayList<>();
        List<Double> sequentialTimes = new ArrayList<>();
        List<Double> poolTimes = new ArrayList<>();
        List<Integer> limits = Collections.nCopies(PRIME_JOBS, PRIME_LIMIT);
        try (Pool pool = new Pool(2)) {
            Func<Integer, Integer> square = (Integer x) -> x * x;
            for (int i = 0; i < 100; i++) {
                pool.map(square, items); // let both JVMs compile the hot paths
            }
            for (int i = 0; i < runs * 3; i++) {
                long start = System.nanoTime();
                pool.map(square, items);
                throughput.add(MAP_ITEMS / ((System.nanoTime() - start) / 1e9) / 1e6);
            }
            Func<Integer, Integer> primes = (Integer limit) -> countPrimes(limit);
            for (int i = 0; i < 3; i++) { // the same warm-up for the workers and for this JVM
                pool.map(primes, limits, 1);
                for (int job = 0; job < PRIME_JOBS; job++) {
                    countPrimes(PRIME_LIMIT);
                }
            }
            for (int i = 0; i < Math.max(3, runs / 2); i++) {
                long start = System.nanoTime();
                for (int job = 0; job < PRIME_JOBS; job++) {
                    countPrimes(PRIME_LIMIT);
                }
                double sequential = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                pool.map(primes, limits, 1);
                double parallel = (System.nanoTime() - start) / 1e6;
                sequentialTimes.add(sequential);
                poolTimes.add(parallel);
                speedups.add(sequential / parallel);
            }
        }
        System.out.println();
        System.out.println("map(x -> x*x) over 100 000 ints on a warm Pool(2) (million tasks/s, higher is better; target >= 15)");
        line("kernel-lib", throughput, "M/s");
        line("CPython fork", Bench.cpython(python, script, "pool-map", "fork", runs), "M/s");

        System.out.println();
        System.out.println("8 x count primes below 200 000 by trial division (ms; speed-up target >= 1.9)");
        line("Java sequential", sequentialTimes, "ms");
        line("kernel-lib Pool(2)", poolTimes, "ms");
        line("  speed-up over sequential Java", speedups, "x");
        List<Double> pySequential = Bench.cpython(python, script, "primes-sequential", "fork", 3);
        List<Double> pyPool = Bench.cpython(python, script, "pool-primes", "fork", 3);
        line("CPython sequential", pySequential, "ms");
        line("CPython Pool(2) fork", pyPool, "ms");
    }

    /** Milliseconds for a new Pool(2) and its first 2-item map; the pool is terminated outside the timing. */
    private static double ready() throws InterruptedException {
        long start = System.nanoTime();
        Pool pool = new Pool(2);
        pool.map((Integer x) -> x * x, List.of(1, 2));
        double millis = (System.nanoTime() - start) / 1e6;
        pool.terminate();
        Thread.sleep(200); // as the CPython script: ended workers do not overlap the next run
        return millis;
    }

    private static void line(String label, List<Double> values, String unit) {
        Bench.Row row = Bench.Row.of("", label, unit, values);
        System.out.printf("  %-36s median %8.2f %-3s  (min %.2f, max %.2f, %d runs)%n",
                label, row.median(), unit, row.min(), row.max(), row.samples());
    }
}
