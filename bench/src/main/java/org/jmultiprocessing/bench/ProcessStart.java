package org.jmultiprocessing.bench;

import java.util.Arrays;
import java.util.List;

import org.jmultiprocessing.testing.JShellNotebook;

/** Process start + join of a trivial target defined in a JShell cell, in milliseconds. */
final class ProcessStart {
    private static final int PAUSE_MILLIS = 250;

    private final JShellNotebook notebook;

    ProcessStart(JShellNotebook notebook) {
        this.notebook = notebook;
        notebook.run("void noop() { }");
        notebook.run("""
                String startJoinMillis(int runs, int pauseMillis) throws Exception {
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

    /**
     * With the ready standby (the default) or cold: every child JVM boots after start() is called. Runs are
     * spaced as cells are in a notebook, long enough for the standby to boot; the pause is not timed.
     */
    List<Double> measure(int runs, boolean standby) {
        notebook.run("Multiprocessing.setReadyStandby(" + standby + ");");
        String samples = notebook.run("startJoinMillis(" + runs + ", " + PAUSE_MILLIS + ")");
        return Arrays.stream(samples.split(" ")).map(Double::valueOf).toList();
    }
}
