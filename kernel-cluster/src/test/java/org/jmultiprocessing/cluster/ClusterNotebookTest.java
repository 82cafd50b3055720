package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jmultiprocessing.Context;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;
import org.jmultiprocessing.testing.CapturedOutput;
import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cells of a notebook (JShell, classes in memory only) on the cluster; and two notebooks, each with its own
 * session, whose classes have the same names but different code: neither sees the other's.
 */
@ExtendWith(SharedCluster.class)
public class ClusterNotebookTest {
    /** The contexts the notebooks' cells use: cells run in this JVM and read them here. */
    public static final Context[] CONTEXTS = new Context[2];

    @Test
    void shouldMapCellDefinedFunctionsOverCellDefinedRecords() {
        CONTEXTS[0] = SharedCluster.cluster().context();
        try (JShellNotebook notebook = new JShellNotebook(); CapturedOutput output = new CapturedOutput()) {
            notebook.run("import java.util.List;");
            notebook.run("var pool = org.jmultiprocessing.cluster.ClusterNotebookTest.CONTEXTS[0].pool(3);");
            notebook.run("record Point(int x, int y) implements java.io.Serializable { }");
            notebook.run("int norm(Point p) { return p.x() * p.x() + p.y() * p.y(); }");
            notebook.run("int offset = 100;");
            assertEquals("[105, 125]", notebook.run("pool.map((Point p) -> norm(p) + offset, List.of(new Point(1, 2), new Point(3, 4)), 1)"));
            assertEquals("[Point[x=1, y=1], Point[x=2, y=2]]", notebook.run("pool.map((Integer x) -> new Point(x, x), List.of(1, 2))"));
            notebook.run("class NoModel extends RuntimeException { NoModel(String m) { super(m); } }");
            assertEquals("missing true", notebook.run("""
                    String caught = "";
                    try {
                        pool.apply(() -> { System.out.println("working"); throw new NoModel("missing"); });
                    } catch (NoModel e) {
                        caught = e.getMessage() + " " + (e.getCause() instanceof RemoteTraceback);
                    }
                    caught
                    """));
            assertEquals("working\n", output.out());
            notebook.run("pool.close();");
        }
    }

    @Test
    void shouldKeepTwoSessionsClassesApart() throws Exception {
        Path keyFile = Files.createTempFile("jmp-test-key", ".hex");
        try {
            ClusterRuntime.current().key().write(keyFile);
            List<String> addresses = SharedCluster.cluster().members().stream().map(Cluster.Member::address).toList();
            // Two fresh sessions: in one session (one JShell) class names are unique, and these two JShells
            // name their classes alike.
            try (Cluster first = Cluster.connect(addresses, keyFile); Cluster second = Cluster.connect(addresses, keyFile);
                 JShellNotebook a = new JShellNotebook(); JShellNotebook b = new JShellNotebook()) {
                CONTEXTS[0] = first.context();
                CONTEXTS[1] = second.context();
                String[] names = {"A", "B"};
                JShellNotebook[] notebooks = {a, b};
                for (int i = 0; i < 2; i++) {
                    // The same snippets in the same order: the same class names in both notebooks.
                    notebooks[i].run("var pool = org.jmultiprocessing.cluster.ClusterNotebookTest.CONTEXTS[" + i + "].pool(3);");
                    notebooks[i].run("class Greeter implements java.io.Serializable { String hi() { return \"" + names[i] + "\"; } }");
                    notebooks[i].run("String greet() { return pool.map((Integer x) -> new Greeter().hi(), java.util.List.of(1, 2, 3), 1).toString(); }");
                }
                assertTrue(!second.session().equals(first.session()));
                assertEquals("[A, A, A]", a.run("greet()"));
                assertEquals("[B, B, B]", b.run("greet()"));
                assertEquals("[A, A, A]", a.run("greet()"));
                a.run("pool.close();");
                b.run("pool.close();");
            }
        } finally {
            Files.deleteIfExists(keyFile);
        }
    }
}
