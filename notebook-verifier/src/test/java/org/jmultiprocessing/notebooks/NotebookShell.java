package org.jmultiprocessing.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.jmultiprocessing.testing.KernelExecutionControl;

/**
 * A notebook kernel in miniature: JShell with the kernels' execution engine ({@link KernelExecutionControl}:
 * in this JVM, every cell on one thread), the Java kernel's default imports and {@code display}, and the
 * {@code %maven} line magic mapped to jars on this machine. It runs one cell at a time and reports what the
 * cell printed, including what child processes printed ({@code kernel-lib} relays their output to the current
 * {@code System.out}).
 */
final class NotebookShell implements AutoCloseable {
    /** JJava's start-up imports (IJava's are the same but for java.time). */
    private static final String KERNEL_IMPORTS = """
            import java.util.*;
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.time.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import static org.jmultiprocessing.notebooks.Display.display;
            """;
    private static final Pattern MAGIC = Pattern.compile("(?m)^\\s*%(\\S+)(.*)$");
    private static final Pattern COORDINATES = Pattern.compile("([^:\\s]+):([^:\\s]+):([^:\\s]+)");
    private static final String KERNEL_LIB = "org.jmultiprocessing:kernel-lib";

    private final JShell shell = JShell.builder().executionEngine(KernelExecutionControl.provider(), Map.of()).build();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "notebook-cell"));
    private final Path kernelLib;
    private final Path mavenRepository;
    private final Duration cellTimeout;

    /** Thrown when a cell does not run cleanly: a compile error, an exception, a timeout, an unknown magic. */
    static final class CellFailure extends Exception {
        CellFailure(String message) {
            super(message);
        }
    }

    /**
     * @param kernelLib       kernel-lib's classes or jar, for {@code %maven org.jmultiprocessing:kernel-lib:...}
     * @param mavenRepository the local Maven repository, for every other {@code %maven} line
     */
    NotebookShell(Path kernelLib, Path mavenRepository, Duration cellTimeout) throws CellFailure {
        this.kernelLib = kernelLib;
        this.mavenRepository = mavenRepository;
        this.cellTimeout = cellTimeout;
        shell.addToClasspath(location(Display.class).toString());
        run(KERNEL_IMPORTS);
    }

    /** Runs a cell's magics, then its code, snippet by snippet, and returns what it produced. */
    Outputs run(String cell) throws CellFailure {
        Matcher magic = MAGIC.matcher(cell);
        while (magic.find()) {
            apply(magic.group(1), magic.group(2).strip());
        }
        String code = MAGIC.matcher(cell).replaceAll("");

        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        Display.drain();
        boolean hasResult;
        try {
            hasResult = runWithTimeout(code);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
        List<String> rich = new ArrayList<>(Display.drain());
        if (hasResult) {
            rich.add("execute_result");
        }
        return new Outputs(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8), rich);
    }

    private void apply(String magic, String argument) throws CellFailure {
        if (!magic.equals("maven")) {
            throw new CellFailure("%" + magic + " is not a magic the notebooks may use (only %maven, which JJava"
                    + " and IJava both understand)");
        }
        for (String coordinates : argument.split("\\s+")) {
            shell.addToClasspath(jar(coordinates).toString());
        }
    }

    /**
     * The jar for {@code %maven group:artifact:version}: kernel-lib as built in this reactor, anything else from
     * the local Maven repository, where this module's test dependencies put it.
     */
    private Path jar(String coordinates) throws CellFailure {
        Matcher m = COORDINATES.matcher(coordinates);
        if (!m.matches()) {
            throw new CellFailure("%maven " + coordinates + ": expected group:artifact:version");
        }
        if ((m.group(1) + ":" + m.group(2)).equals(KERNEL_LIB)) {
            return kernelLib;
        }
        Path jar = mavenRepository.resolve(m.group(1).replace('.', '/')).resolve(m.group(2)).resolve(m.group(3))
                .resolve(m.group(2) + "-" + m.group(3) + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new CellFailure("%maven " + coordinates + ": " + jar + " is missing; declare the artifact as a test"
                    + " dependency of notebook-verifier, so the build fetches it for the kernel too");
        }
        return jar;
    }

    private boolean runWithTimeout(String code) throws CellFailure {
        var cell = runner.submit(() -> evaluate(code));
        try {
            return cell.get(cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            shell.stop();
            throw new CellFailure("still running after " + cellTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CellFailure failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellFailure("interrupted");
        }
    }

    /** Evaluates each snippet of the cell, as the kernel does; true if the last one has a value to show. */
    private boolean evaluate(String code) throws CellFailure {
        boolean hasResult = false;
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new CellFailure("incomplete code: " + remaining.strip());
            }
            hasResult = evalSnippet(info.source());
            remaining = info.remaining();
        }
        return hasResult;
    }

    private boolean evalSnippet(String snippet) throws CellFailure {
        boolean hasResult = false;
        for (SnippetEvent event : shell.eval(snippet)) {
            if (event.causeSnippet() != null) {
                continue; // another snippet updated because of this one
            }
            if (event.status() == Snippet.Status.REJECTED) {
                String problems = shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                throw new CellFailure("does not compile: " + snippet.strip() + "\n  " + problems);
            }
            if (event.exception() != null) {
                Exception e = event.exception();
                String type = e instanceof EvalException eval ? eval.getExceptionClassName() : e.getClass().getName();
                throw new CellFailure("threw " + type + ": " + e.getMessage() + "\n  in: " + snippet.strip());
            }
            hasResult = shows(event);
        }
        return hasResult;
    }

    /** Whether the kernel would show the snippet's value: a non-null value of an expression. */
    private static boolean shows(SnippetEvent event) {
        Snippet snippet = event.snippet();
        boolean expression = snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet instanceof VarSnippet && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        return expression && event.value() != null && !event.value().equals("null");
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
        shell.close();
    }
}
