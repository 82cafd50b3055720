package org.jmultiprocessing.spi;

import java.io.Serializable;

/** Runs pools of workers for a backend. */
public interface Pools {
    /**
     * Starts a pool of {@code processes} workers.
     *
     * @param initializer      a {@code Target} each worker runs once when it starts, or {@code null}
     * @param maxTasksPerChild chunks a worker runs before a fresh one replaces it; 0 for no limit
     */
    WorkerPool start(int processes, Serializable initializer, int maxTasksPerChild);
}
