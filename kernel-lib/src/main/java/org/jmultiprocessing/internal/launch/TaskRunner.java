package org.jmultiprocessing.internal.launch;

import java.util.Arrays;

import org.jmultiprocessing.Target;
import org.jmultiprocessing.Target1;
import org.jmultiprocessing.Target2;
import org.jmultiprocessing.Target3;
import org.jmultiprocessing.Target4;
import org.jmultiprocessing.internal.logging.LibraryLog;
import org.jmultiprocessing.internal.ship.ReflectiveTarget;
import org.jmultiprocessing.spi.ProcessTask;

/**
 * Runs a process's task where it runs (a child JVM's main thread, or a thread of a thread process):
 * Python's {@code BaseProcess._bootstrap}. An uncaught exception is printed as Python prints a traceback,
 * the user's frames only, and gives exit code 1.
 */
public final class TaskRunner {
    private TaskRunner() {
    }

    /** Runs {@code task}'s target with its arguments; returns the exit code. */
    public static int run(ProcessTask task) {
        LibraryLog.event(System.Logger.Level.INFO, task.name(), "child process calling self.run()");
        int code;
        try {
            call(task.target(), task.args());
            code = 0;
        } catch (Throwable t) {
            System.err.println("Process " + task.name() + ":");
            t.setStackTrace(userFrames(t.getStackTrace(), task.target()));
            t.printStackTrace();
            code = 1;
        }
        if (LibraryLog.isOn(System.Logger.Level.INFO)) {
            LibraryLog.event(System.Logger.Level.INFO, task.name(), "process exiting with exitcode " + code);
        }
        return code;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void call(Object target, Object[] args) throws Exception {
        if (target instanceof Target t) {
            t.run();
        } else if (target instanceof Target1 t) {
            t.run(args[0]);
        } else if (target instanceof Target2 t) {
            t.run(args[0], args[1]);
        } else if (target instanceof Target3 t) {
            t.run(args[0], args[1], args[2]);
        } else if (target instanceof Target4 t) {
            t.run(args[0], args[1], args[2], args[3]);
        } else {
            throw new IllegalArgumentException("not a process target: " + target);
        }
    }

    /**
     * The frames above this runner and the calls leading from it to the user's code (reflection, a process
     * object's own run): like Python's traceback, the user's code only.
     */
    private static StackTraceElement[] userFrames(StackTraceElement[] frames, Object target) {
        String ownRun = target instanceof ProcessTask.ObjectRun ? target.getClass().getName() : null;
        for (int i = 0; i < frames.length; i++) {
            if (TaskRunner.class.getName().equals(frames[i].getClassName())) {
                int end = i;
                while (end > 0 && (ReflectiveTarget.isCallFrame(frames[end - 1])
                        || frames[end - 1].getClassName().equals(ownRun) || isDefaultRun(frames[end - 1], target))) {
                    end--;
                }
                return Arrays.copyOf(frames, end);
            }
        }
        return frames;
    }

    /** The frame of the process class's own {@code run()}, which a subclass that passes a target does not override. */
    private static boolean isDefaultRun(StackTraceElement frame, Object target) {
        return target instanceof ProcessTask.ObjectRun own && "run".equals(frame.getMethodName())
                && isSuperclassOf(frame.getClassName(), own.process().getClass());
    }

    private static boolean isSuperclassOf(String className, Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return c.getSuperclass() == Object.class; // only the root process class, never a user's subclass
            }
        }
        return false;
    }
}
