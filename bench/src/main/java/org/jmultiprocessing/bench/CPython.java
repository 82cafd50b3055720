package org.jmultiprocessing.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** CPython's side of every scenario: bench/cpython/mp_bench.py, one fresh interpreter per call. */
record CPython(String python, Path script) {
    static final List<String> START_METHODS = List.of("fork", "spawn", "forkserver");

    /** Runs {@code python script SCENARIO METHOD RUNS} and reads the JSON list of samples it prints. */
    List<Sample> measure(String scenario, String method, int runs) throws IOException {
        return samples(run(new CommandLine(python).addArgument(script.toString())
                .addArgument(scenario).addArgument(method).addArgument(Integer.toString(runs))));
    }

    /** The samples of a JSON list as the scripts print it. */
    static List<Sample> samples(String json) throws IOException {
        JsonNode samples = new ObjectMapper().readTree(json);
        List<Sample> result = new ArrayList<>();
        samples.forEach(sample -> result.add(Sample.fromJson(sample)));
        return result;
    }

    /** "Python 3.11.7" */
    String version() throws IOException {
        return run(new CommandLine(python).addArgument("--version")).trim();
    }

    /** Runs {@code command} to its end (at most 5 minutes), its stderr passed on to ours; returns its stdout. */
    static String run(CommandLine command) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(stdout, System.err));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(Duration.ofMinutes(5)).get());
        executor.execute(command);
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
