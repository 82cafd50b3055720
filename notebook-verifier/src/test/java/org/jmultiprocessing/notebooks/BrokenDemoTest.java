package org.jmultiprocessing.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jmultiprocessing.notebooks.Notebook.CodeCell;
import org.jmultiprocessing.notebooks.NotebookShell.CellFailure;
import org.junit.jupiter.api.Test;

/**
 * A demo that stops demonstrating fails the notebook check. 01.02's race between two threads is broken the way
 * it once was (the second thread started only after the first had finished, so no update can be lost; the
 * barrier that releases them together then has one party): the cell then fails instead of printing a race that
 * did not happen. The unchanged cell passes.
 */
class BrokenDemoTest {
    private static final Path NOTEBOOK = Path.of(System.getProperty("notebooks.dir"), "01.02-Processes-Threads-and-Pools-QA.ipynb");
    private static final String RACE = "plain counter";
    private static final String TOGETHER = "    first.start();\n    second.start();\n    first.join();\n    second.join();";
    private static final String ONE_AFTER_THE_OTHER = "    first.start();\n    first.join();\n    second.start();\n    second.join();";
    private static final String BARRIER = "new CyclicBarrier(2)";

    @Test
    void aRaceThatDoesNotHappenFailsItsCell() throws CellFailure {
        String race = raceCell().source();
        assertTrue(race.contains(TOGETHER), "01.02's race cell no longer starts its threads as this test expects");
        String broken = race.replace(TOGETHER, ONE_AFTER_THE_OTHER).replace(BARRIER, "new CyclicBarrier(1)");
        CellFailure failure = assertThrows(CellFailure.class, () -> runUpToTheRace(broken));
        assertTrue(failure.getMessage().contains("the demo did not demonstrate"), failure.getMessage());
    }

    @Test
    void theRaceAsWrittenPasses() throws CellFailure {
        Outputs produced = runUpToTheRace(raceCell().source());
        assertTrue(produced.stdout().contains("updates lost"), produced.stdout());
    }

    private static CodeCell raceCell() {
        List<CodeCell> races = Notebook.read(NOTEBOOK).cells().stream().filter(c -> c.source().contains(RACE)).toList();
        assertEquals(1, races.size(), "cells of " + NOTEBOOK.getFileName() + " that print '" + RACE + "'");
        return races.get(0);
    }

    /** Runs the notebook's cells before the race, then {@code race} in its place. */
    private static Outputs runUpToTheRace(String race) throws CellFailure {
        try (NotebookShell shell = new NotebookShell(Path.of(System.getProperty("kernel-lib.path")),
                Path.of(System.getProperty("maven.repo.local")), Duration.ofSeconds(120))) {
            for (CodeCell cell : Notebook.read(NOTEBOOK).cells()) {
                if (cell.source().contains(RACE)) {
                    return shell.run(race);
                }
                shell.run(cell.source());
            }
        }
        throw new AssertionError("no race cell in " + NOTEBOOK);
    }
}
