package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.testing.JShellNotebook;
import org.jmultiprocessing.testing.KernelExecutionControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cells run one after another on the kernel's one thread, so a lock a cell takes is held by the current
 * thread of the next cells too, as in Python.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JShellCellThreadTest {
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
    void shouldRunEveryCellOnTheKernelsThread() {
        assertEquals(KernelExecutionControl.CELL_THREAD_NAME, notebook.run("Thread.currentThread().getName()"));
        notebook.run("var first = Thread.currentThread();");
        assertEquals("true", notebook.run("Thread.currentThread() == first"));
    }

    @Test
    void shouldReleaseInALaterCellAnRLockAcquiredInAnEarlierOne() {
        notebook.run("var lock = new RLock();");
        notebook.run("lock.acquire(); lock.acquire();");
        notebook.run("lock.release();");
        assertEquals("true", notebook.run("lock.isOwnedByCurrentThread()"));
        notebook.run("lock.release();");
        assertEquals("RLock(unlocked)", notebook.run("lock.toString()"));
    }

    @Test
    void shouldWaitInALaterCellOnAConditionAcquiredInAnEarlierOne() {
        notebook.run("var ready = new Condition();");
        notebook.run("ready.acquire();");
        notebook.run("ready.signal();");
        assertEquals("false", notebook.run("ready.await(0.01)"));
        notebook.run("ready.release();");
        assertEquals("1", notebook.run("ready.getLock().getValue()"));
    }
}
