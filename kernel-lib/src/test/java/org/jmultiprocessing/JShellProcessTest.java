package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;


import org.jmultiprocessing.testing.CapturedOutput;
import org.jmultiprocessing.testing.GreetingLibrary;
import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code typed into JShell, run in this JVM as a notebook kernel runs it: its classes exist only in memory, and
 * must be shipped to the child as bytecode.
 */
class JShellProcessTest {
    private JShellNotebook notebook;

    @BeforeEach
    void openShell() {
        notebook = new JShellNotebook();
    }

    @AfterEach
    void closeShell() {
        notebook.close();
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

    @Test
    void shouldGiveChildTheClassesAddedToTheNotebookClasspath(@TempDir Path library) throws Exception {
        notebook.addToClasspath(GreetingLibrary.compile(library).toString());
        try (CapturedOutput output = new CapturedOutput()) {
            eval("var p = new Process(() -> System.out.println(greeting.Greeting.hello()));");
            eval("p.start(); p.join();");
            assertEquals("hello from a %classpath class\n", output.out(), output.err());
        }
    }

    @Test
    void shouldCopyOnlyTheVariablesTheTargetReads() {
        // The cell's own variable holds the process, whose argument is the sending end: were it copied into
        // the child, that copy would keep the pipe open until the child exits.
        eval("var pipe = new Pipe();");
        eval("var sender = new Process((Connection out) -> { out.send(1); out.close(); Thread.sleep(5_000); }, pipe.conn2());");
        eval("sender.start(); pipe.conn2().close();");
        assertEquals("1", value("pipe.conn1().recv()"));
        eval("boolean endOfFile(Connection in) throws Exception { try { in.recv(); return false; } catch (Connection.EOF e) { return true; } }");
        long start = System.nanoTime();
        assertEquals("true", value("endOfFile(pipe.conn1())"));
        long eofMillis = (System.nanoTime() - start) / 1_000_000;
        eval("sender.kill(); sender.join();");
        assertTrue(eofMillis < 2_000, "end of file took " + eofMillis + " ms: the child held a copy of the sending end");
    }

    private void eval(String cell) {
        notebook.run(cell);
    }

    private String value(String expression) {
        return notebook.run(expression);
    }
}
