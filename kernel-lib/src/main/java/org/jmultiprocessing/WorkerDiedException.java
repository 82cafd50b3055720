package org.jmultiprocessing;

/**
 * A {@link Pool} worker JVM ended while it ran a task of this call (killed, {@code System.exit}, crashed),
 * or while it started. The pool has replaced it and stays usable; CPython's Pool would hang here.
 */
public class WorkerDiedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long pid;
    private final Integer exitCode;

    public WorkerDiedException(String message, long pid, Integer exitCode) {
        super(message);
        this.pid = pid;
        this.exitCode = exitCode;
    }

    /** The operating-system process id of the worker that died. */
    public long pid() {
        return pid;
    }

    /** Its exit code as {@link Process#exitCode()} gives it ({@code -9} after SIGKILL), or null if unknown. */
    public Integer exitCode() {
        return exitCode;
    }
}
