package org.jmultiprocessing.cluster.internal.client;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.RemoteTraceback;
import org.jmultiprocessing.TaskFailedException;
import org.jmultiprocessing.cluster.internal.task.TaskResult;
import org.jmultiprocessing.internal.codec.Deserialization;

/** Turns what came back for a task into what the caller sees. */
public final class TaskOutcomes {
    private TaskOutcomes() {
    }

    /**
     * Whether Hazelcast's error means the task's member left (killed, crashed, cut off) rather than that
     * the cluster refused the task: only then may it run elsewhere.
     */
    public static boolean memberLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TargetDisconnectedException || t instanceof MemberLeftException
                    || t instanceof TargetNotMemberException || t instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return false;
    }

    /** The error for a task that did not come back from {@code member} for another reason than its leaving. */
    public static RuntimeException notRun(Member member, Throwable error) {
        return new TaskFailedException("the cluster did not run the task on member " + NotebookSession.describe(member)
                + ": " + error, error);
    }

    /**
     * The failure a member reported, as the caller sees it: the task's own exception (its type kept, the
     * member's frames as its {@link RemoteTraceback}), or an error saying why the task or its result could
     * not travel.
     */
    public static Throwable failure(TaskResult result, ClassLoader loader) {
        RemoteTraceback traceback = traceback(result, loader);
        switch (result.status()) {
            case TaskResult.RAISED -> {
                if (result.body().length > 0) {
                    try {
                        Throwable t = (Throwable) Deserialization.read(result.body(), 0, result.body().length, loader);
                        if (traceback != null && !hasTraceback(t)) {
                            t.addSuppressed(traceback);
                        }
                        return t;
                    } catch (IOException | ClassNotFoundException | RuntimeException e) {
                        return new TaskFailedException(result.description() + " (it could not be read here: " + e + ")", traceback);
                    }
                }
                return new TaskFailedException(result.description(), traceback);
            }
            case TaskResult.RESULT_NOT_TRANSFERABLE -> {
                return new NotTransferableException("a result cannot be sent back from the cluster member: "
                        + result.description(), traceback);
            }
            case TaskResult.SESSION_ENDED -> {
                return new CancellationException(result.description());
            }
            default -> {
                return new TaskFailedException(result.description(), traceback);
            }
        }
    }

    private static boolean hasTraceback(Throwable t) {
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
            if (c instanceof RemoteTraceback) {
                return true;
            }
        }
        for (Throwable s : t.getSuppressed()) {
            if (s instanceof RemoteTraceback) {
                return true;
            }
        }
        return false;
    }

    private static RemoteTraceback traceback(TaskResult result, ClassLoader loader) {
        if (result.traceback().length == 0) {
            return null;
        }
        try {
            return (RemoteTraceback) Deserialization.read(result.traceback(), 0, result.traceback().length, loader);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }
}
