package org.jmultiprocessing.cluster.internal.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jmultiprocessing.Func;
import org.jmultiprocessing.Func2;
import org.jmultiprocessing.Func3;
import org.jmultiprocessing.RemoteTraceback;
import org.jmultiprocessing.internal.launch.TaskRunner;
import org.jmultiprocessing.internal.ship.TransferPath;
import org.jmultiprocessing.spi.ProcessTask;

/** Runs what a task carries on a member: a pool chunk's calls, or a process's target. */
final class TaskRunners {
    private static final long PID = ProcessHandle.current().pid();

    private TaskRunners() {
    }

    /** Runs a process (kernel-lib's runner: a traceback printed as for a child JVM, exit code 0 or 1). */
    static TaskResult process(ProcessTask task) {
        int exitCode = TaskRunner.run(task);
        return new TaskResult(TaskResult.EXITED, 0, exitCode, new byte[0], new byte[0], "", PID);
    }

    /** Calls {@code function} on each item; the first exception ends the chunk, as in a pool worker JVM. */
    static TaskResult chunk(Object function, boolean starred, Object[] items, String where) {
        Object[] results = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                results[i] = call(function, starred, items[i]);
            } catch (Throwable t) {
                return raised(t, where);
            }
        }
        try {
            byte[] body = ChunkValues.encode(results, () -> serialize(results));
            return new TaskResult(TaskResult.RESULTS, 0, 0, body, new byte[0], "", PID);
        } catch (IOException | RuntimeException e) {
            String path = TransferPath.find(Map.of("the result", (Object) Arrays.asList(results)));
            return failure(TaskResult.RESULT_NOT_TRANSFERABLE, path != null ? path : e.toString(), e, where);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object call(Object function, boolean starred, Object item) throws Exception {
        if (!starred) {
            return ((Func) function).apply(item);
        }
        Object[] args = (Object[]) item;
        if (function instanceof Callable c) {
            return c.call();
        } else if (function instanceof Runnable r) {
            r.run();
            return null;
        } else if (function instanceof Func f) {
            return f.apply(args[0]);
        } else if (function instanceof Func2 f) {
            return f.apply(args[0], args[1]);
        } else {
            return ((Func3) function).apply(args[0], args[1], args[2]);
        }
    }

    /**
     * The exception with the member's frames as its {@link RemoteTraceback} cause (suppressed when it has a
     * cause of its own), as a pool worker JVM sends it; the traceback also travels alone, for when the
     * exception cannot.
     */
    private static TaskResult raised(Throwable t, String where) {
        RemoteTraceback remote = new RemoteTraceback(where, userFrames(t.getStackTrace()));
        byte[] exception = new byte[0];
        String description = t.toString();
        if (t.getCause() == null) {
            try {
                t.initCause(remote);
            } catch (IllegalStateException e) {
                // The exception fixed its cause as null: the notebook attaches the traceback as suppressed.
            }
        }
        try {
            exception = serialize(t);
        } catch (IOException | RuntimeException e) {
            description = description + " (the exception itself cannot be sent back: " + e + ")";
        }
        return new TaskResult(TaskResult.RAISED, 0, 0, exception, traceback(remote), description, PID);
    }

    static TaskResult failure(byte status, String description, Throwable t, String where) {
        RemoteTraceback remote = new RemoteTraceback(where, userFrames(t.getStackTrace()));
        return new TaskResult(status, 0, 0, new byte[0], traceback(remote), description, PID);
    }

    private static byte[] traceback(RemoteTraceback remote) {
        try {
            return serialize(remote);
        } catch (IOException e) {
            throw new IllegalStateException("a RemoteTraceback is always serializable", e);
        }
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new NotSerializableException(e.getMessage() + " is not Serializable");
        }
        return bytes.toByteArray();
    }

    /** The frames above this runner's own: the user's code only, as in Python's remote traceback. */
    private static StackTraceElement[] userFrames(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (TaskRunners.class.getName().equals(frames[i].getClassName())) {
                return Arrays.copyOf(frames, i);
            }
        }
        return frames;
    }
}
