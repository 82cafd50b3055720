package org.jmultiprocessing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.exec.CommandLine;

/**
 * Ray's side of the scenarios it has: bench/cpython/ray_bench.py run by the Python of the bench's own
 * environment (build/bench-venv, set up by {@code ./run bench}), one fresh interpreter and local Ray cluster per call.
 */
record Ray(Path python, Path script) {

    /** Fails, saying how to get it, unless {@code python} is there to run. */
    void requireInstalled() {
        if (!Files.isExecutable(python)) {
            throw new Bench.CannotRun("Ray's Python " + python + " is not there: ./run bench installs Ray into"
                    + " build/bench-venv (bench/requirements-ray.txt); give another with --ray-python, or leave Ray"
                    + " out with --peers cpython");
        }
    }

    /** Runs {@code python script SCENARIO RUNS} and reads the JSON list of samples it prints. */
    List<Sample> measure(String scenario, int runs) throws IOException {
        return CPython.samples(CPython.run(new CommandLine(python.toString()).addArgument(script.toString())
                .addArgument(scenario).addArgument(Integer.toString(runs))));
    }

    /** "Ray 2.60.0" */
    String version() throws IOException {
        return CPython.run(new CommandLine(python.toString()).addArgument(script.toString()).addArgument("--version")).trim();
    }
}
