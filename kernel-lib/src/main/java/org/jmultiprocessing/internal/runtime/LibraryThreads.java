package org.jmultiprocessing.internal.runtime;

/**
 * Every thread this library starts belongs to one thread group under the root, never to the caller's.
 * JShell's local execution engine (IJava) joins the threads it finds in a cell's group just after the cell
 * starts: a relay or feeder created in that window would hold the cell until the child process ends.
 */
public final class LibraryThreads {
    private static final ThreadGroup GROUP = new ThreadGroup(root(), "jmultiprocessing");

    private LibraryThreads() {
    }

    /** Starts a daemon thread in the library's group. */
    public static Thread startDaemon(Runnable task, String name) {
        Thread thread = unstarted(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A thread in the library's group, not yet started (e.g. a shutdown hook). */
    public static Thread unstarted(Runnable task, String name) {
        return new Thread(GROUP, task, name);
    }

    private static ThreadGroup root() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }
}
