package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.jmultiprocessing.testing.KernelExecutionControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shared objects held in notebook variables and passed to cell-defined targets, as in the seed notebooks. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JShellIpcTest {
    private JShell shell;

    @BeforeEach
    void openShell() {
        shell = JShell.builder().executionEngine(KernelExecutionControl.provider(), Map.of()).build();
        shell.addToClasspath(Paths.get("target", "classes").toAbsolutePath().toString());
        eval("import org.jmultiprocessing.*;");
        eval("import org.jmultiprocessing.Process;");
        eval("import java.util.List;");
    }

    @AfterEach
    void closeShell() {
        shell.close();
    }

    @Test
    void shouldChainPipesBetweenCellDefinedProcessesUntilEndOfFile() {
        eval("void numbers(Connection out) { for (int i = 0; i < 10; i++) out.send(i); out.close(); }");
        eval("void squares(Connection in, Connection out) {"
                + " try { while (true) { int x = (Integer) in.recv(); out.send(x * x); } }"
                + " catch (Connection.EOF end) { out.close(); } }");
        eval("var pipe1 = new Pipe(); var pipe2 = new Pipe();");
        eval("var p1 = new Process((Connection c) -> numbers(c), pipe1.conn1());");
        eval("var p2 = new Process((Connection a, Connection b) -> squares(a, b), pipe1.conn2(), pipe2.conn1());");
        eval("p1.start(); p2.start();");
        eval("pipe1.conn1().close(); pipe1.conn2().close(); pipe2.conn1().close();");
        eval("var received = new StringBuilder();");
        eval("try { while (true) { if (!pipe2.conn2().poll(10.0)) { received.append(\"no EOF\"); break; }"
                + " received.append(pipe2.conn2().recv()).append(' '); } }"
                + " catch (Connection.EOF end) { received.append(\"End\"); }");
        eval("p1.join(java.time.Duration.ofSeconds(10)); p2.join(java.time.Duration.ofSeconds(10));");
        eval("p1.kill(); p2.kill();");
        assertEquals("0 1 4 9 16 25 36 49 64 81 End", value("received.toString()"),
                "no end-of-file: CodeShipment serializes notebook variables more than once, so copies in transit"
                        + " must be attributed to the child (ChildProcess.start inside a Transfers scope, assignTo(pid))");
    }

    @Test
    void shouldCountWithALockedValueAndCollectThroughAQueueFromCellDefinedProcesses() {
        eval("var counter = Value.ofInt(0);");
        eval("var results = new Queue<String>();");
        eval("void work(Value.OfInt v, Queue<String> q) {"
                + " for (int i = 0; i < 10_000; i++) { try (var held = v.getLock().acquired()) { v.set(v.get() + 1); } }"
                + " q.put(\"done in \" + Multiprocessing.pid()); }");
        eval("var workers = List.of(new Process((Value.OfInt v, Queue<String> q) -> work(v, q), counter, results),"
                + " new Process((Value.OfInt v, Queue<String> q) -> work(v, q), counter, results));");
        eval("for (var w : workers) w.start();");
        eval("var first = results.get(30.0); var second = results.get(30.0);");
        eval("for (var w : workers) w.join();");
        assertEquals("20000", value("counter.get()"));
        assertEquals("true", value("first.startsWith(\"done in \") && second.startsWith(\"done in \")"));
    }

    @Test
    void shouldCarryCellDefinedRecordsBothWaysThroughAQueue() {
        eval("record Point(int x, int y) implements java.io.Serializable { }");
        eval("var points = new Queue<Point>();");
        eval("points.put(new Point(1, 2));");
        eval("var echo = new Process((Queue<Point> q) -> { Point p = q.get(); q.put(new Point(p.x() * 10, p.y() * 10)); },"
                + " points);");
        eval("echo.start(); echo.join();");
        assertEquals("Point[x=10, y=20]", value("points.get(10.0).toString()"));
    }

    private void eval(String cell) {
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.exception() != null) {
                    fail("snippet threw: " + info.source(), event.exception());
                }
                if (event.status() == Snippet.Status.REJECTED) {
                    Set<String> problems = shell.diagnostics(event.snippet())
                            .map(d -> d.getMessage(null)).collect(Collectors.toSet());
                    fail("snippet rejected: " + info.source() + " " + problems);
                }
            }
            remaining = info.remaining();
        }
    }

    private String value(String expression) {
        List<SnippetEvent> events = shell.eval(expression);
        String value = events.get(events.size() - 1).value();
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
