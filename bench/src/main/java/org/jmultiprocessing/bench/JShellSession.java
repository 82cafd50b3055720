package org.jmultiprocessing.bench;

import java.net.URISyntaxException;
import java.nio.file.Paths;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.jmultiprocessing.Process;

/**
 * A JShell with the local execution engine (what IJava uses) and kernel-lib on its classpath, so that
 * benchmarked targets are defined as notebook cells are: in memory, shipped to children as bytecode.
 */
final class JShellSession implements AutoCloseable {
    private final JShell shell = JShell.builder().executionEngine("local").build();

    JShellSession() throws URISyntaxException {
        shell.addToClasspath(Paths.get(Process.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        run("import org.jmultiprocessing.*; import org.jmultiprocessing.Process;");
    }

    /** Evaluates a cell; returns the value of its last snippet, unquoted. */
    String run(String cell) {
        String remaining = cell;
        String value = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.exception() != null || event.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("benchmark cell failed: " + info.source() + " "
                            + (event.exception() != null ? event.exception()
                            : shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList()));
                }
                value = event.value();
            }
            remaining = info.remaining();
        }
        return value != null && value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    @Override
    public void close() {
        shell.close();
    }
}
