package org.jmultiprocessing.spi.ship;

import org.jmultiprocessing.internal.launch.TaskRunner;
import org.jmultiprocessing.spi.ProcessTask;

/** Runs a received {@link ProcessTask} as a child JVM runs it (Python's {@code BaseProcess._bootstrap}). */
public final class ReceivedTasks {
    private ReceivedTasks() {
    }

    /**
     * Calls the task's target with its arguments: exit code 0, or 1 after printing the exception to
     * {@code System.err} as Python prints a traceback (the user's frames only).
     */
    public static int run(ProcessTask task) {
        return TaskRunner.run(task);
    }
}
