package org.jmultiprocessing.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jmultiprocessing.notebooks.Notebook.CodeCell;
import org.jmultiprocessing.notebooks.NotebookShell.CellFailure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook in {@code notebooks/} runs, cell by cell and in order, with {@code kernel-lib} as built here,
 * without a compile error or exception, and prints what its stored outputs show (normalized as described in
 * {@link Outputs}). The stored outputs themselves come from the real Java kernel ({@code ./run refresh}); this
 * test catches a notebook that no longer matches the library, quickly and without Jupyter.
 */
class NotebooksTest {
    private static final Duration CELL_TIMEOUT = Duration.ofSeconds(120);
    private static final Path KERNEL_LIB = Path.of(System.getProperty("kernel-lib.path"));

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAndPrintsItsStoredOutputs() throws IOException {
        Path folder = Path.of(System.getProperty("notebooks.dir"));
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(folder)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).filter(NotebooksTest::chosen).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + folder);
        return notebooks.stream().map(path -> dynamicTest(path.getFileName().toString(), () -> verify(Notebook.read(path))));
    }

    /** Whether a notebook is among those named by {@code -Dnotebooks.only=02.01,02.02} (name prefixes); all if unset. */
    private static boolean chosen(Path notebook) {
        String only = System.getProperty("notebooks.only", "");
        String name = notebook.getFileName().toString();
        return only.isBlank() || java.util.Arrays.stream(only.split(",")).map(String::strip).anyMatch(name::startsWith);
    }

    private static void verify(Notebook notebook) throws CellFailure, IOException {
        assertEquals("java", notebook.kernel(), notebook.path() + ": kernelspec");
        List<String> problems = new ArrayList<>();
        try (NotebookShell shell = new NotebookShell(KERNEL_LIB, Path.of(System.getProperty("maven.repo.local")), CELL_TIMEOUT)) {
            for (CodeCell cell : notebook.cells()) {
                Outputs produced;
                try {
                    produced = shell.run(cell.source());
                } catch (CellFailure failure) {
                    fail(where(notebook, cell) + " failed: " + failure.getMessage() + problemsSoFar(problems));
                    return;
                }
                cell.outputs().differencesFrom(produced, cell.tags())
                        .forEach(difference -> problems.add(where(notebook, cell) + ": " + difference));
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " cell output(s) differ from the stored ones (after checking, refresh them"
                    + " from a real run with ./run refresh):\n" + String.join("\n", problems));
        }
    }

    private static String where(Notebook notebook, CodeCell cell) {
        return notebook.path().getFileName() + " code cell " + cell.number() + " (" + cell.firstLine() + ")";
    }

    private static String problemsSoFar(List<String> problems) {
        return problems.isEmpty() ? "" : "\nearlier differences:\n" + String.join("\n", problems);
    }
}
