package org.jmultiprocessing.spi;

/** Starts managers: servers of shared objects (Python's {@code SyncManager}). */
public interface Managers {
    /** Starts a manager owned by this JVM: it ends when this JVM ends, if not shut down before. */
    ManagerImpl start();
}
