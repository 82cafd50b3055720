package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A manager used from notebook cells: classes, records and lambdas that exist only in JShell's memory. */
class JShellManagerTest {
    private static JShellNotebook notebook;

    @BeforeAll
    static void openNotebook() {
        notebook = new JShellNotebook();
        notebook.run("import java.util.*;");
        notebook.run("import java.util.function.*;");
        notebook.run("import java.io.Serializable;");
        notebook.run("var manager = new Manager();");
    }

    @AfterAll
    static void closeNotebook() {
        notebook.run("manager.shutdown();");
        notebook.close();
    }

    @Test
    void shouldShareARegisteredClassDefinedInACell() {
        notebook.run("interface Tally { int add(int n); int total(); }");
        notebook.run("""
                class SyncTally implements Tally {
                    private int total;
                    public synchronized int add(int n) { total += n; return total; }
                    public synchronized int total() { return total; }
                }
                """);
        notebook.run("manager.register(\"Tally\", SyncTally::new);");
        notebook.run("var tally = manager.create(\"Tally\", Tally.class);");
        notebook.run("""
                var adders = new ArrayList<org.jmultiprocessing.Process>();
                for (int i = 0; i < 4; i++) {
                    adders.add(new org.jmultiprocessing.Process((Tally t) -> { for (int j = 0; j < 25; j++) t.add(1); }, tally));
                }
                adders.forEach(org.jmultiprocessing.Process::start);
                for (var p : adders) p.join();
                """);
        assertEquals("100", notebook.run("tally.total()"));
    }

    @Test
    void shouldHoldCellRecordsAndRunCellFunctionsOnTheServer() {
        notebook.run("record Point(int x, int y) implements Serializable { }");
        notebook.run("int step = 10;");
        notebook.run("Map<String, Object> points = manager.dict();");
        notebook.run("points.put(\"p\", new Point(1, 2));");
        assertEquals("Point[x=1, y=2]", notebook.run("points.get(\"p\")"));
        assertEquals("3", notebook.run("((Point) points.get(\"p\")).x() + ((Point) points.get(\"p\")).y()"));
        // Serializable: the lambda, its cell method and the variable it reads travel to the server.
        notebook.run("Point moved(Point p) { return new Point(p.x() + step, p.y()); }");
        assertEquals("Point[x=11, y=2]", notebook.run(
                "points.computeIfPresent(\"p\", (BiFunction<String, Object, Object> & Serializable) (k, p) -> moved((Point) p))"));
        assertEquals("Point[x=11, y=2]", notebook.run("points.get(\"p\")"));
    }

    @Test
    void shouldMergeFromPoolTasksWithAPlainLambda() {
        notebook.run("Map<String, Integer> sums = manager.dict();");
        notebook.run("""
                try (var pool = new Pool(2)) {
                    pool.map((Integer x) -> sums.merge("n", x, Integer::sum), List.of(1, 2, 3, 4, 5, 6, 7, 8), 1);
                }
                """);
        assertEquals("36", notebook.run("sums.get(\"n\")"));
    }
}
