package org.jmultiprocessing.spi;

/** One process a backend started, as its parent sees it. */
public interface StartedProcess {
    /** The process's name, as its task gave it. */
    String name();

    boolean daemon();

    /** The operating-system process id it runs in. */
    long pid();

    /**
     * Waits until it has ended and what it printed has been relayed, or until {@code deadline} (see
     * {@link Deadline}); returns whether it has ended.
     */
    boolean join(long deadline) throws InterruptedException;

    boolean isAlive();

    /** {@code null} while it runs; else Python's exit code (0, {@code n} of {@code System.exit(n)}, 1, {@code -N}). */
    Integer exitCode();

    /** Python's {@code terminate()}: SIGTERM, exit code {@code -15}. */
    void terminate();

    /** Python's {@code kill()}: SIGKILL, exit code {@code -9}. */
    void kill();

    /** Releases what the parent holds for it; called once it has ended. */
    void release();
}
