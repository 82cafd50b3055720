package org.jmultiprocessing.testing;

import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.jmultiprocessing.Process;

/**
 * A JShell that runs cells as a notebook kernel does ({@link KernelExecutionControl}: in this JVM, all on one
 * thread) with kernel-lib on its classpath: cells evaluated here define their classes in memory only.
 */
public final class JShellNotebook implements AutoCloseable {
    private final JShell shell = JShell.builder().executionEngine(KernelExecutionControl.provider(), Map.of()).build();

    public JShellNotebook() {
        try {
            shell.addToClasspath(Paths.get(Process.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        run("import org.jmultiprocessing.*; import org.jmultiprocessing.Process;");
    }

    /**
     * Evaluates every snippet of a cell, skipping kernel magics ({@code %maven ...}); fails on a compile
     * error or an exception. Returns the value of the last snippet, unquoted if it is a string.
     */
    public String run(String cell) {
        List<String> code = new ArrayList<>();
        cell.lines().filter(line -> !line.startsWith("%")).forEach(code::add);
        String remaining = String.join("\n", code);
        String value = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.exception() != null) {
                    throw new IllegalStateException("cell threw: " + info.source(), event.exception());
                }
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("cell does not compile: " + info.source() + " "
                            + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                }
                value = event.value();
            }
            remaining = info.remaining();
        }
        return value != null && value.length() >= 2 && value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** The kernel's {@code %classpath} magic: adds a directory or jar to the notebook's classpath. */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    @Override
    public void close() {
        shell.close();
    }
}
