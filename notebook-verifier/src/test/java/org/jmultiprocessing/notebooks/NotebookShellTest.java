package org.jmultiprocessing.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jmultiprocessing.notebooks.NotebookShell.CellFailure;
import org.junit.jupiter.api.Test;

/** The verifier runs cells as the kernel does: what a cell leaves held by its thread, the next cell holds. */
class NotebookShellTest {
    private static final Path KERNEL_LIB = Path.of(System.getProperty("kernel-lib.path"));
    private static final Path MAVEN_REPOSITORY = Path.of(System.getProperty("maven.repo.local"));

    @Test
    void aLockAcquiredInOneCellIsReleasedInTheNext() throws CellFailure {
        try (NotebookShell shell = new NotebookShell(KERNEL_LIB, MAVEN_REPOSITORY, Duration.ofSeconds(60))) {
            shell.run("""
                    %maven org.jmultiprocessing:kernel-lib:0.1.0
                    import org.jmultiprocessing.*;
                    var lock = new RLock();
                    var ready = new Condition();
                    lock.acquire();
                    ready.acquire();""");
            Outputs next = shell.run("""
                    lock.release();
                    System.out.println(lock);
                    System.out.println(ready.await(0.01));
                    ready.release();""");
            assertEquals(new Outputs("RLock(unlocked)\nfalse\n", "", List.of()), next);
        }
    }

    @Test
    void aCellStoppedAtItsTimeoutLeavesTheThreadToTheNextCell() throws CellFailure {
        try (NotebookShell shell = new NotebookShell(KERNEL_LIB, MAVEN_REPOSITORY, Duration.ofSeconds(20))) {
            CellFailure timeout = assertThrows(CellFailure.class, () -> shell.run("Thread.sleep(600_000);"));
            assertEquals("still running after 20 s", timeout.getMessage());
            assertEquals(new Outputs("next\n", "", List.of()), shell.run("System.out.println(\"next\");"));
        }
    }
}
