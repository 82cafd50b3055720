package org.jmultiprocessing.internal.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.LibraryThreads;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ProcessSpec;
import org.jmultiprocessing.spi.StartedProcess;

/**
 * A process of the thread context: Python's {@code multiprocessing.dummy.Process}, a thread of this JVM that
 * runs the task with the objects themselves (nothing is serialized). Its pid is this JVM's; its exit code is 0,
 * or 1 when the target threw. A thread cannot be stopped from outside, so there is no terminate or kill.
 */
final class ThreadProcess implements StartedProcess {
    /** The processes of the thread context still running, for {@code Processes.running()}. */
    private static final Set<ThreadProcess> RUNNING = ConcurrentHashMap.newKeySet();

    private final Thread thread;
    private final String name;
    private final boolean daemon;
    private volatile Integer exitCode;

    private ThreadProcess(ProcessSpec spec) {
        this.name = spec.task().name();
        this.daemon = spec.task().daemon();
        // In the library's thread group: JShell ends a cell only once the threads of the cell's group end.
        this.thread = LibraryThreads.unstarted(() -> {
            try {
                exitCode = spec.runHere().getAsInt();
            } finally {
                RUNNING.remove(this);
            }
        }, name);
        thread.setDaemon(spec.task().daemon());
    }

    static ThreadProcess start(ProcessSpec spec) {
        ThreadProcess process = new ThreadProcess(spec);
        RUNNING.add(process);
        process.thread.start();
        return process;
    }

    static List<StartedProcess> running() {
        return new ArrayList<>(RUNNING);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean daemon() {
        return daemon;
    }

    @Override
    public long pid() {
        return Internals.pid();
    }

    @Override
    public boolean join(long deadline) throws InterruptedException {
        if (deadline == Deadline.FOREVER) {
            thread.join();
        } else {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(TimeUnit.NANOSECONDS.toMillis(left), (int) (left % 1_000_000));
            }
        }
        return !thread.isAlive();
    }

    @Override
    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public Integer exitCode() {
        if (thread.isAlive()) {
            return null;
        }
        Integer code = exitCode;
        return code != null ? code : 1; // the task did not even return: it failed
    }

    @Override
    public void terminate() {
        throw unstoppable("terminate");
    }

    @Override
    public void kill() {
        throw unstoppable("kill");
    }

    @Override
    public void release() {
        // A thread holds nothing once it has ended.
    }

    private UnsupportedOperationException unstoppable(String action) {
        return new UnsupportedOperationException("cannot " + action + " " + name + ": a process of the thread context"
                + " is a thread of this JVM, which cannot be stopped from outside (as in Python's multiprocessing.dummy);"
                + " use Multiprocessing.getContext() for a process that can be");
    }
}
