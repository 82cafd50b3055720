package org.jmultiprocessing;

/**
 * Python's {@code multiprocessing.pool.RemoteTraceback}: where a task failed inside a worker JVM. The
 * exception rethrown in the caller carries this as its cause; its stack trace is the worker's, trimmed to
 * the user's frames, and its own cause is the cause the task's exception had in the worker.
 */
public final class RemoteTraceback extends Exception {
    private static final long serialVersionUID = 1L;

    public RemoteTraceback(String message, StackTraceElement[] remoteFrames) {
        super(message, null, true, true);
        setStackTrace(remoteFrames);
    }
}
