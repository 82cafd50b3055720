package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Code typed into JShell, with the local execution engine that IJava uses: its classes exist only in memory,
 * and must be shipped to the child as bytecode.
 */
class JShellProcessTest {
    private JShell shell;

    @BeforeEach
    void openShell() {
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(Paths.get("target", "classes").toAbsolutePath().toString());
        eval("import org.jmultiprocessing.*;");
        eval("import org.jmultiprocessing.Process;");
    }

    @AfterEach
    void closeShell() {
        shell.close();
    }

    @Test
    void shouldRunCellDefinedMethodInTwoChildren() {
        eval("void printSquare(int n) { System.out.println(\"square of \" + n + \" is \" + n * n + \" in \" + Multiprocessing.pid()); }");
        try (CapturedOutput output = new CapturedOutput()) {
            eval("var p1 = new Process((Integer n) -> printSquare(n), 3);");
            eval("var p2 = new Process((Integer n) -> printSquare(n), 4);");
            eval("p1.start(); p2.start(); p1.join(); p2.join();");
            List<String> lines = output.out().lines().sorted().toList();
            assertEquals(2, lines.size(), output.out() + output.err());
            assertEquals("square of 3 is 9 in " + value("p1.pid()"), lines.get(0));
            assertEquals("square of 4 is 16 in " + value("p2.pid()"), lines.get(1));
            assertNotEquals(value("p1.pid()"), value("p2.pid()"));
            assertEquals("0", value("p1.exitCode()"));
            assertEquals("0", value("p2.exitCode()"));
        }
    }

    @Test
    void shouldPassCellDefinedRecordAndLambdaCapturingLocal() {
        eval("record Point(int x, int y) implements java.io.Serializable { int sum() { return x + y; } }");
        try (CapturedOutput output = new CapturedOutput()) {
            eval("var p = new Process((Point pt) -> System.out.println(pt + \" sums to \" + pt.sum()), new Point(2, 5));");
            eval("p.start(); p.join();");
            eval("{ int offset = 100; var q = new Process(() -> System.out.println(\"captured \" + (offset + 1))); q.start(); q.join(); }");
            assertEquals("Point[x=2, y=5] sums to 7\ncaptured 101\n", output.out(), output.err());
        }
    }

    @Test
    void shouldCopyNotebookVariablesButStartClassStaticsFresh() {
        eval("int limit = 41;");
        eval("class Counter { static int count; }");
        eval("Counter.count = 5;");
        try (CapturedOutput output = new CapturedOutput()) {
            eval("var p = new Process(() -> System.out.println((limit + 1) + \" \" + Counter.count));");
            eval("p.start(); p.join();");
            assertEquals("42 0\n", output.out(), output.err());
        }
    }

    @Test
    void shouldRunCellDefinedSubclass() {
        eval("class MyProcess extends Process { public void run() { System.out.println(\"called run method in \" + name()); } }");
        try (CapturedOutput output = new CapturedOutput()) {
            eval("var m = new MyProcess();");
            eval("m.start(); m.join();");
            assertEquals("called run method in " + value("m.name()") + "\n", output.out(), output.err());
            assertTrue(value("m.name()").startsWith("MyProcess-"));
        }
    }

    /** Evaluates every snippet in {@code cell}, as a notebook kernel does with a cell. */
    private void eval(String cell) {
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            evalSnippet(info.source());
            remaining = info.remaining();
        }
    }

    private void evalSnippet(String code) {
        for (SnippetEvent event : shell.eval(code)) {
            if (event.exception() != null) {
                fail("snippet threw: " + code, event.exception());
            }
            if (event.status() == Snippet.Status.REJECTED) {
                Set<String> problems = shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(null)).collect(Collectors.toSet());
                fail("snippet rejected: " + code + " " + problems);
            }
        }
    }

    private String value(String expression) {
        List<SnippetEvent> events = shell.eval(expression);
        String value = events.get(events.size() - 1).value();
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
