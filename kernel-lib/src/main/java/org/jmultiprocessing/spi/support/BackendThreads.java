package org.jmultiprocessing.spi.support;

import org.jmultiprocessing.internal.runtime.LibraryThreads;

/**
 * Threads for a backend's own work (relays, listeners, heartbeats), in kernel-lib's thread group: JShell's
 * local engine (IJava) joins the threads it finds in a cell's group, so a backend thread started from a cell
 * in that group would hold the cell until it ends.
 */
public final class BackendThreads {
    private BackendThreads() {
    }

    /** Starts a daemon thread in the library's group. */
    public static Thread startDaemon(Runnable task, String name) {
        return LibraryThreads.startDaemon(task, name);
    }

    /** A thread in the library's group, not yet started (e.g. a shutdown hook). */
    public static Thread unstarted(Runnable task, String name) {
        return LibraryThreads.unstarted(task, name);
    }
}
