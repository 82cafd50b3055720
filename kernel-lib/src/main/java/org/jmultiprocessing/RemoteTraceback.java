package org.jmultiprocessing;

/**
 * Python's {@code multiprocessing.pool.RemoteTraceback}: where a task failed inside a worker JVM. Its stack
 * trace is the worker's, trimmed to the user's frames. The exception rethrown in the caller carries it as its
 * cause, or, when that exception already had a cause in the worker (Java cannot replace a cause), as a
 * suppressed exception.
 */
public final class RemoteTraceback extends Exception {
    private static final long serialVersionUID = 1L;

    public RemoteTraceback(String message, StackTraceElement[] remoteFrames) {
        super(message);
        setStackTrace(remoteFrames);
    }
}
