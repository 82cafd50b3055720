package org.jmultiprocessing.spi;

import java.util.List;

/** Starts, watches and stops the processes of a backend. */
public interface Processes {
    /**
     * Starts {@code spec}'s task. A part that cannot travel fails with a
     * {@code NotTransferableException} naming it, before anything is started.
     */
    StartedProcess start(ProcessSpec spec);

    /**
     * The processes of this backend started from this JVM that still run, by anyone: those of
     * {@link #start} and the backend's own, such as a pool's workers (Python's {@code active_children()}
     * lists both).
     */
    List<StartedProcess> running();
}
