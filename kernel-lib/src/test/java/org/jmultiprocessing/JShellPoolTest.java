package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jmultiprocessing.testing.CapturedOutput;
import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pool used from notebook cells, whose functions, records and exceptions exist only in JShell's memory. */
class JShellPoolTest {
    private static JShellNotebook notebook;

    @BeforeAll
    static void openNotebook() {
        notebook = new JShellNotebook();
        notebook.run("import java.util.List;");
        notebook.run("var pool = new Pool(2);");
    }

    @AfterAll
    static void closeNotebook() {
        notebook.run("pool.close();");
        notebook.close();
    }

    @Test
    void shouldMapCellDefinedFunctionsOverCellDefinedRecords() {
        notebook.run("record Point(int x, int y) implements java.io.Serializable { }");
        notebook.run("int norm(Point p) { return p.x() * p.x() + p.y() * p.y(); }");
        notebook.run("int offset = 100;");
        assertEquals("[105, 125]", notebook.run("pool.map((Point p) -> norm(p) + offset, List.of(new Point(1, 2), new Point(3, 4)))"));
        assertEquals("[Point[x=1, y=1], Point[x=2, y=2]]", notebook.run("pool.map((Integer x) -> new Point(x, x), List.of(1, 2))"));
    }

    @Test
    void shouldStartItsThreadsOutsideTheCellsThreadGroup() {
        // JShell's local engine waits for the threads of the cell's group that exist when the cell starts.
        notebook.run("""
                String poolThreadsInGroupOf(Thread cell) {
                    var threads = new java.util.ArrayList<String>();
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        ThreadGroup group = t.getThreadGroup();
                        if ((t.getName().startsWith("jmp-") || t.getName().startsWith("PoolWorker"))
                                && group != null && cell.getThreadGroup().parentOf(group)) {
                            threads.add(t.getName());
                        }
                    }
                    return threads.toString();
                }
                """);
        assertEquals("[]", notebook.run("""
                String check() {
                    try (var another = new Pool(1)) {
                        another.apply(() -> 1);
                        return poolThreadsInGroupOf(Thread.currentThread());
                    }
                }
                check()
                """));
    }

    @Test
    void shouldSeeRedefinedMethodsAndChangedVariables() {
        notebook.run("int step = 1;");
        notebook.run("int next(int x) { return x + step; }");
        assertEquals("[1, 2, 3]", notebook.run("pool.map((Integer x) -> next(x), List.of(0, 1, 2), 1)"));
        notebook.run("step = 10;");
        assertEquals("[10, 11, 12]", notebook.run("pool.map((Integer x) -> next(x), List.of(0, 1, 2), 1)"));
        notebook.run("int next(int x) { return x * 100; }");
        assertEquals("[0, 100, 200]", notebook.run("pool.map((Integer x) -> next(x), List.of(0, 1, 2), 1)"));
    }

    @Test
    void shouldRethrowACellDefinedExceptionWithItsTypeAndPrintWorkerOutput() {
        notebook.run("class NoModel extends RuntimeException { NoModel(String m) { super(m); } }");
        try (CapturedOutput output = new CapturedOutput()) {
            assertEquals("missing true", notebook.run("""
                    String caught = "";
                    try {
                        pool.apply(() -> { System.out.println("working"); throw new NoModel("missing"); });
                    } catch (NoModel e) {
                        caught = e.getMessage() + " " + (e.getCause() instanceof RemoteTraceback);
                    }
                    caught
                    """));
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!output.out().contains("working") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals("working\n", output.out());
        }
    }
}
