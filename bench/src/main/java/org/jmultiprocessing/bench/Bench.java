package org.jmultiprocessing.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.jmultiprocessing.testing.JShellNotebook;

/**
 * Measures kernel-lib and CPython's {@code multiprocessing} (fork, spawn, forkserver) on the same scenarios,
 * in rounds that alternate between the two so that both see the same machine state, then prints medians,
 * ranges and ratios and writes them as JSON.
 *
 * <p>Usage: {@code Bench [--rounds N] [--runs-per-round N] [--out FILE] [--python python3]}
 */
public final class Bench {
    private static final List<String> START_METHODS = List.of("fork", "spawn", "forkserver");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
        int runs = Integer.parseInt(options.getOrDefault("--runs-per-round", "10"));
        String python = options.getOrDefault("--python", "python3");
        Path out = Paths.get(options.getOrDefault("--out", "build/bench/results.json"));
        Path cpythonScript = Paths.get(options.getOrDefault("--cpython-script", "bench/cpython/mp_bench.py"));

        Map<String, List<Double>> samples = new LinkedHashMap<>();
        try (JShellNotebook notebook = new JShellNotebook()) {
            ProcessStart processStart = new ProcessStart(notebook);
            processStart.measure(3, true); // warm-up: JShell compiles, the parent JVM loads the library
            for (int round = 0; round < rounds; round++) {
                samples.computeIfAbsent("kernel-lib standby", k -> new ArrayList<>()).addAll(processStart.measure(runs, true));
                samples.computeIfAbsent("kernel-lib cold", k -> new ArrayList<>()).addAll(processStart.measure(runs, false));
                for (String method : START_METHODS) {
                    samples.computeIfAbsent("CPython " + method, k -> new ArrayList<>())
                            .addAll(cpython(python, cpythonScript, "process-start", method, runs));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        samples.forEach((impl, values) -> rows.add(Row.of("Process start+join, trivial target defined in a JShell cell",
                impl, "ms", values)));
        print(rows);
        write(out, rows);
    }

    /** One line of the results table. */
    record Row(String scenario, String implementation, String unit, int samples, double median, double min, double max) {
        static Row of(String scenario, String implementation, String unit, List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Row(scenario, implementation, unit, sorted.length, median, sorted[0], sorted[sorted.length - 1]);
        }
    }

    private static void print(List<Row> rows) {
        Row ours = rows.get(0);
        System.out.println(ours.scenario() + " (" + ours.samples() + " runs each; lower is better)");
        System.out.printf("  %-20s %10s %22s %16s%n", "implementation", "median", "min-max", "ours vs this");
        for (Row row : rows) {
            System.out.printf("  %-20s %7.1f %s %10.1f-%-8.1f %s %14s%n", row.implementation(), row.median(), row.unit(),
                    row.min(), row.max(), row.unit(), row == ours ? "" : String.format("%.2fx", ours.median() / row.median()));
        }
    }

    private static void write(Path out, List<Row> rows) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), rows);
        System.out.println("results written to " + out);
    }

    /** Runs one CPython scenario in a fresh interpreter and reads its JSON list of samples. */
    static List<Double> cpython(String python, Path script, String scenario, String method, int runs) throws IOException {
        CommandLine command = new CommandLine(python).addArgument(script.toString())
                .addArgument(scenario).addArgument(method).addArgument(Integer.toString(runs));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(stdout, System.err));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(java.time.Duration.ofMinutes(5)).get());
        executor.execute(command);
        double[] values = new ObjectMapper().readValue(stdout.toString(StandardCharsets.UTF_8), double[].class);
        return Arrays.stream(values).boxed().toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: Bench [--rounds N] [--runs-per-round N] [--out FILE]"
                        + " [--python python3] [--cpython-script bench/cpython/mp_bench.py]; got " + List.of(args));
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
