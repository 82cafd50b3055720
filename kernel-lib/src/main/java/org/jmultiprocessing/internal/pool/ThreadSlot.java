package org.jmultiprocessing.internal.pool;

import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.RemoteTraceback;
import org.jmultiprocessing.TaskFailedException;
import org.jmultiprocessing.spi.PoolWorkerRow;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.LibraryThreads;
import org.jmultiprocessing.spi.Deadline;

/**
 * One worker of a pool of threads (Python's {@code ThreadPool}): a thread that runs chunks itself, calling the
 * caller's function on the items themselves. A task's exception reaches the caller as itself, with a
 * {@link RemoteTraceback} of the worker thread's frames, as from a worker JVM. A thread cannot be killed:
 * cancelling a call interrupts the thread running its chunk, and the rest of that chunk's results are dropped.
 */
final class ThreadSlot implements Slot {
    private final PoolEngine pool;
    private final String name;
    private volatile Thread thread;
    /** The exception of the initializer, when it failed: every chunk this slot takes then fails with it. */
    private volatile Throwable initializerFailure;
    private Chunk running;
    private int chunksRun;
    private volatile long itemsDone;

    ThreadSlot(PoolEngine pool, int number) {
        this.pool = pool;
        this.name = "PoolThread-" + number;
        this.thread = newThread();
    }

    private Thread newThread() {
        // In the library's thread group: JShell ends a cell only once the threads of the cell's group end.
        Thread t = LibraryThreads.unstarted(this::work, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void start() {
        thread.start();
    }

    /** The life of one worker thread: the initializer, then chunks until the pool stops or the thread retires. */
    private void work() {
        initialize();
        try {
            while (!pool.isTerminated()) {
                Chunk chunk = pool.nextChunk(this);
                if (chunk == null) {
                    return;
                }
                execute(chunk);
                if (pool.maxTasksPerChild() > 0 && ++chunksRun >= pool.maxTasksPerChild() && !pool.isClosed()) {
                    // Python's maxtasksperchild: a fresh worker, which runs the initializer again.
                    chunksRun = 0;
                    Thread fresh = newThread();
                    thread = fresh;
                    fresh.start();
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Interrupted while waiting for work: the pool was terminated.
        }
    }

    private void initialize() {
        if (pool.initializer() == null) {
            return;
        }
        try {
            pool.initializer().run();
            initializerFailure = null;
        } catch (Throwable t) {
            initializerFailure = t;
            System.err.println("The initializer of pool worker " + name + " failed:");
            t.printStackTrace();
        }
    }

    private void execute(Chunk chunk) {
        Job job = chunk.job();
        synchronized (this) {
            if (job.isAbandoned()) {
                return;
            }
            running = chunk;
        }
        long id = thread.getId();
        job.progress.workerStarted(id, chunk.size());
        Object[] items = chunk.items();
        Object[] results = new Object[items.length];
        Throwable failure = initializerFailure == null ? null : new TaskFailedException("the pool's initializer failed"
                + " in worker thread " + name + ": " + initializerFailure, initializerFailure);
        for (int i = 0; i < items.length && failure == null; i++) {
            try {
                results[i] = PoolWorker.call(job.function, job.starred, items[i]);
            } catch (Throwable t) {
                failure = withTraceback(t);
            }
        }
        synchronized (this) {
            running = null;
            Thread.interrupted(); // an interrupt meant for this chunk (its call was cancelled) ends with it
        }
        job.progress.workerEnded(id, chunk.size(), failure == null);
        if (failure != null) {
            job.failed(chunk, failure);
        } else {
            itemsDone += chunk.size();
            job.succeeded(chunk, results);
        }
    }

    /**
     * Attaches the worker thread's frames as a {@link RemoteTraceback}, as a worker JVM does: the cause when
     * the exception has none, else suppressed. The caller then rethrows it with its own stack trace.
     */
    private Throwable withTraceback(Throwable t) {
        RemoteTraceback remote = new RemoteTraceback("in worker thread " + name + " (pid " + Internals.pid() + ")",
                PoolWorker.userFrames(t.getStackTrace()));
        if (t.getCause() == null) {
            try {
                t.initCause(remote);
                return t;
            } catch (IllegalStateException e) {
                // The exception fixed its cause as null: attach the traceback as suppressed.
            }
        }
        t.addSuppressed(remote);
        return t;
    }

    @Override
    public void replaceIfDied() {
        // A worker thread does not die: a task's exception, even an Error, is reported to its call.
    }

    @Override
    public synchronized void killIfRunning(Job job) {
        if (running != null && running.job() == job) {
            thread.interrupt();
        }
    }

    @Override
    public void terminateWorker() {
        thread.interrupt();
    }

    @Override
    public boolean join(long deadline) throws InterruptedException {
        while (true) {
            Thread current = thread;
            if (deadline == Deadline.FOREVER) {
                current.join();
            } else {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    current.join(TimeUnit.NANOSECONDS.toMillis(left), (int) (left % 1_000_000));
                }
            }
            if (current.isAlive()) {
                return false;
            }
            if (thread == current) {
                return true;
            }
        }
    }

    @Override
    public boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public synchronized PoolWorkerRow activity() {
        Chunk now = running;
        return new PoolWorkerRow(thread.getId(), itemsDone, now == null ? null : now.job().progress.call(),
                now == null ? 0 : now.size());
    }

    @Override
    public Long workerPid() {
        return Internals.pid();
    }
}
