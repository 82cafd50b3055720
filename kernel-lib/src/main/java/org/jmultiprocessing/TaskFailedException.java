package org.jmultiprocessing;

/**
 * A task failed in a worker in a way that cannot be rethrown as is: it threw a checked exception or an
 * {@link Error} (the cause, whose own cause is the {@link RemoteTraceback}), its exception could not be sent
 * back (the cause is then the remote traceback alone), or the worker could not receive the task.
 */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
