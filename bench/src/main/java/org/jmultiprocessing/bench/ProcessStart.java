package org.jmultiprocessing.bench;

import java.util.Arrays;
import java.util.List;

import org.jmultiprocessing.testing.JShellNotebook;

/**
 * Process start + join of a trivial target defined in a JShell cell, in milliseconds. The notebook is made
 * at the first measurement, so that runs without this scenario do not pay for JShell.
 */
final class ProcessStart implements AutoCloseable {
    private JShellNotebook notebook;

    /**
     * With the ready standby or cold, as the caller has set it. Runs are spaced as cells are in a notebook,
     * long enough for the standby to boot; the pause is not timed. The first run is a warm-up.
     */
    List<Sample> measure(int runs) {
        if (notebook == null) {
            notebook = new JShellNotebook();
            notebook.run("void noop() { }");
            notebook.run("""
                    String startJoinMillis(int runs, long pauseMillis) throws Exception {
                        StringBuilder samples = new StringBuilder();
                        for (int i = 0; i < runs; i++) {
                            Thread.sleep(pauseMillis);
                            long start = System.nanoTime();
                            var p = new Process(() -> noop());
                            p.start();
                            p.join();
                            samples.append((System.nanoTime() - start) / 1e6).append(' ');
                        }
                        return samples.toString().trim();
                    }""");
        }
        String samples = notebook.run("startJoinMillis(" + (runs + 1) + ", " + KernelLibScenarios.START_PAUSE_MILLIS + ")");
        return Arrays.stream(samples.split(" ")).skip(1).map(s -> Sample.of(Double.parseDouble(s))).toList();
    }

    @Override
    public void close() {
        if (notebook != null) {
            notebook.close();
        }
    }
}
