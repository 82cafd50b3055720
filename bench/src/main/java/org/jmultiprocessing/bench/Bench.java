package org.jmultiprocessing.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jmultiprocessing.Multiprocessing;

/**
 * Measures kernel-lib (and kernel-cluster where a scenario has it), CPython's {@code multiprocessing} (fork, spawn,
 * forkserver) and Ray's Pool on every scenario of {@link KernelLibScenarios}, in rounds: each round measures every
 * scenario for ours and then for each peer that has it, so that all see the same machine state. Prints one table
 * and writes results.json, results.md and results.png.
 */
public final class Bench {
    static final String USAGE = """
            usage: ./run bench [OPTIONS]
              --help             this text
              --quick            1 round of 2 runs: a smoke run (default: 3 rounds, each scenario's own runs)
              --publish          then copy results.png and results.json to docs/bench/ and put the table
                                 into README.md between <!-- bench:begin --> and <!-- bench:end -->
              --rounds N         rounds of all scenarios and implementations
              --runs N           samples per scenario, implementation and round
              --scenarios A,B    only these scenarios, of
                                 %s
              --methods A,B      only these CPython start methods (fork,spawn,forkserver)
              --peers A,B        only these peers beside ours (cpython,ray)
              --out DIR          where results.json, results.md and results.png go (build/bench)
              --python CMD       the CPython to compare with (python3)
              --script FILE      CPython's side of the scenarios (bench/cpython/mp_bench.py)
              --ray-python FILE  the Python with Ray 2.60 installed (build/bench-venv/bin/python)
              --ray-script FILE  Ray's side of the scenarios (bench/cpython/ray_bench.py)""";

    private Bench() {
    }

    /** A run that cannot start as asked (a peer not installed, an impossible combination); says what to do. */
    static final class CannotRun extends RuntimeException {
        CannotRun(String message) {
            super(message);
        }
    }

    /**
     * A parsed command line.
     *
     * @param runs samples per implementation and round for every scenario, or null for each scenario's own
     */
    record Options(boolean publish, int rounds, Integer runs, List<String> scenarios, List<String> methods, Path out,
            String python, Path script, List<Peer> peers, Path rayPython, Path rayScript) {

        int runs(Scenario scenario) {
            return runs != null ? runs : scenario.runs();
        }

        /** Whether {@code peer} is measured on {@code scenario}: chosen, and its script has the scenario. */
        boolean measures(Peer peer, Scenario scenario) {
            return peers.contains(peer) && scenario.peers().contains(peer);
        }

        static Options parse(String... args) {
            boolean quick = false;
            boolean publish = false;
            Integer rounds = null;
            Integer runs = null;
            List<String> scenarios = KernelLibScenarios.ids();
            List<String> methods = CPython.START_METHODS;
            Path out = Path.of("build/bench");
            String python = "python3";
            Path script = Path.of("bench/cpython/mp_bench.py");
            List<Peer> peers = List.of(Peer.values());
            Path rayPython = Path.of("build/bench-venv/bin/python");
            Path rayScript = Path.of("bench/cpython/ray_bench.py");
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--quick" -> quick = true;
                    case "--publish" -> publish = true;
                    case "--rounds" -> rounds = positive(option, value(args, ++i, option));
                    case "--runs" -> runs = positive(option, value(args, ++i, option));
                    case "--scenarios" -> scenarios = subset(option, value(args, ++i, option), KernelLibScenarios.ids());
                    case "--methods" -> methods = subset(option, value(args, ++i, option), CPython.START_METHODS);
                    case "--out" -> out = Path.of(value(args, ++i, option));
                    case "--python" -> python = value(args, ++i, option);
                    case "--script" -> script = Path.of(value(args, ++i, option));
                    case "--peers" -> peers = subset(option, value(args, ++i, option), Peer.ids()).stream().map(Peer::of).toList();
                    case "--ray-python" -> rayPython = Path.of(value(args, ++i, option));
                    case "--ray-script" -> rayScript = Path.of(value(args, ++i, option));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return new Options(publish, rounds != null ? rounds : quick ? 1 : 3, runs == null && quick ? Integer.valueOf(2) : runs,
                    scenarios, methods, out, python, script, peers, rayPython, rayScript);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int positive(String option, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, as for zero
            }
            throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
        }

        private static List<String> subset(String option, String value, List<String> known) {
            List<String> chosen = Arrays.asList(value.split(","));
            Set<String> unknown = chosen.stream().filter(name -> !known.contains(name)).collect(Collectors.toSet());
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(option + ": unknown " + unknown + "; choose from " + String.join(",", known));
            }
            return known.stream().filter(chosen::contains).toList();
        }
    }

    /** The usage text, with the scenario ids wrapped into its option column. */
    static String usage() {
        StringBuilder ids = new StringBuilder();
        int lineStart = 0;
        for (String id : KernelLibScenarios.ids()) {
            if (ids.length() - lineStart + id.length() > 70) {
                ids.append("\n                     ");
                lineStart = ids.length();
            }
            ids.append(id).append(',');
        }
        return USAGE.formatted(ids.substring(0, ids.length() - 1));
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(usage());
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("./run bench: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        List<ScenarioResult> results;
        try {
            results = run(options);
        } catch (CannotRun e) {
            System.err.println("./run bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        out.print(Report.table(results));
        out.println("results in " + options.out() + "/results.{json,md,png}" + (options.publish() ? "; published to "
                + Publish.DOCS + " and " + Publish.README : ""));
    }

    /** Measures, writes results.json, results.md and results.png, publishes if asked; returns the results. */
    static List<ScenarioResult> run(Options options) throws Exception {
        List<Double> loadBefore = RunFacts.readLoadAverage();
        CPython cpython = new CPython(options.python(), options.script());
        Ray ray = new Ray(options.rayPython(), options.rayScript());
        List<ScenarioResult> results;
        try (ProcessStart processStart = new ProcessStart()) {
            List<Scenario> scenarios = KernelLibScenarios.all(processStart).stream()
                    .filter(scenario -> options.scenarios().contains(scenario.id())).toList();
            String rayLabel = null;
            if (scenarios.stream().anyMatch(scenario -> options.measures(Peer.RAY, scenario))) {
                ray.requireInstalled();
                rayLabel = ray.version();
            }
            if (options.publish() && scenarios.stream().noneMatch(scenario -> options.measures(Peer.CPYTHON, scenario))) {
                throw new CannotRun("--publish needs CPython rows for the chart: choose a scenario that"
                        + " CPython has and keep cpython among --peers");
            }
            results = measure(options, cpython, ray, rayLabel, scenarios);
        }
        RunFacts facts = RunFacts.of(cpython.version(), loadBefore, options.rounds(), results.stream()
                .collect(Collectors.toMap(r -> r.scenario().id(), r -> options.runs(r.scenario()), (a, b) -> a, LinkedHashMap::new)));
        Files.createDirectories(options.out());
        String markdown = Report.markdown(results);
        Files.writeString(options.out().resolve("results.md"), markdown, StandardCharsets.UTF_8);
        Report.writeJson(options.out().resolve("results.json"), facts, results);
        if (results.stream().anyMatch(result -> !result.cpythonRows().isEmpty())) {
            Chart.write(options.out().resolve("results.png"), results);
        } else {
            Files.deleteIfExists(options.out().resolve("results.png")); // the chart compares with CPython only
        }
        if (options.publish()) {
            Publish.publish(options.out(), facts, markdown);
        }
        return results;
    }

    /**
     * The rounds: in each, every scenario with each of our configurations, then with each CPython start method,
     * then with Ray.
     *
     * @param rayLabel the Ray rows' name ("Ray 2.60.0"), or null if no scenario measures Ray
     */
    private static List<ScenarioResult> measure(Options options, CPython cpython, Ray ray, String rayLabel,
            List<Scenario> scenarios) throws Exception {
        Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>(); // by scenario id, then row label
        for (int round = 1; round <= options.rounds(); round++) {
            for (Scenario scenario : scenarios) {
                long start = System.nanoTime();
                int runs = options.runs(scenario);
                Map<String, List<Sample>> rows = samples.computeIfAbsent(scenario.id(), id -> new LinkedHashMap<>());
                for (Scenario.Configuration configuration : scenario.kernelLib()) {
                    Multiprocessing.setReadyStandby(configuration.readyStandby());
                    rows.computeIfAbsent(configuration.label(), label -> new ArrayList<>())
                            .addAll(configuration.measurement().measure(runs));
                    Multiprocessing.setReadyStandby(false); // a standby booting would take a core from CPython
                }
                if (options.measures(Peer.CPYTHON, scenario)) {
                    for (String method : options.methods()) {
                        rows.computeIfAbsent("CPython " + method, label -> new ArrayList<>())
                                .addAll(cpython.measure(scenario.id(), method, runs));
                    }
                }
                if (options.measures(Peer.RAY, scenario)) {
                    rows.computeIfAbsent(rayLabel, label -> new ArrayList<>()).addAll(ray.measure(scenario.id(), runs));
                }
                System.err.printf("round %d/%d: %s (%.0f s)%n", round, options.rounds(), scenario.title(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        return scenarios.stream().map(scenario -> {
            Map<String, List<Sample>> rows = samples.get(scenario.id());
            List<Row> result = new ArrayList<>();
            scenario.kernelLib().forEach(c -> result.add(new Row(c.label(), true, c.target(), rows.get(c.label()), null,
                    c.aheadOf())));
            if (options.measures(Peer.CPYTHON, scenario)) {
                options.methods().forEach(m -> result.add(new Row("CPython " + m, false, null, rows.get("CPython " + m))));
            }
            if (options.measures(Peer.RAY, scenario)) {
                result.add(new Row(rayLabel, false, null, rows.get(rayLabel), Peer.RAY, null));
            }
            return new ScenarioResult(scenario, result);
        }).toList();
    }
}
