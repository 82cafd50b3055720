package org.jmultiprocessing.internal.pool;

import org.jmultiprocessing.internal.ship.CodeShipment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.Target;
import org.jmultiprocessing.spi.PoolWorkerRow;
import org.jmultiprocessing.spi.ListCall;
import org.jmultiprocessing.spi.StreamCall;
import org.jmultiprocessing.spi.WorkerPool;

/**
 * The machinery behind {@code Pool}: a queue of chunks shared by one {@link Slot} per worker. For the
 * default backend each slot is a {@link WorkerSlot}: it owns one worker JVM at a time and talks to it
 * synchronously over its socket, so a worker's death is seen by the one thread that waits for its reply, the
 * moment the socket closes; functions and items are serialized in the caller's thread. For the thread backend
 * each slot is a {@link ThreadSlot}, a thread that runs the chunks itself, with the objects themselves.
 */
public final class PoolEngine implements WorkerPool {
    /** How often an idle slot checks that its worker is still alive. */
    private static final long IDLE_CHECK_MILLIS = 100;
    /** How long the other workers wait for the first one before starting anyway. */
    private static final long FIRST_WORKER_HEAD_START_MILLIS = 1000;

    /** Where the function and initializer go, for error messages; each item goes to {@link #WORKER}. */
    static final String WORKERS = "the pool's workers";
    static final String WORKER = "a pool worker";

    private final int processes;
    private final Target initializer;
    private final int maxTasksPerChild;
    private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final Set<Job> active = ConcurrentHashMap.newKeySet();
    private final boolean inThreads;
    private final List<Slot> slots = new ArrayList<>();
    private final CountDownLatch firstWorkerStarted = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean terminated;

    /**
     * Starts {@code processes} worker JVMs.
     *
     * @param initializer      a {@link Target}, or {@code null}
     * @param maxTasksPerChild chunks a worker runs before it is replaced by a fresh one; 0 for no limit
     */
    public static PoolEngine ofProcesses(int processes, Serializable initializer, int maxTasksPerChild) {
        return new PoolEngine(processes, initializer, maxTasksPerChild, false);
    }

    /** Starts {@code processes} worker threads in this JVM (Python's {@code ThreadPool}); see {@link #ofProcesses}. */
    public static PoolEngine ofThreads(int processes, Serializable initializer, int maxTasksPerChild) {
        return new PoolEngine(processes, initializer, maxTasksPerChild, true);
    }

    private PoolEngine(int processes, Serializable initializer, int maxTasksPerChild, boolean inThreads) {
        if (processes < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 process, got " + processes);
        }
        if (maxTasksPerChild < 0) {
            throw new IllegalArgumentException("maxTasksPerChild must be positive, or 0 for no limit; got " + maxTasksPerChild);
        }
        if (initializer != null && !(initializer instanceof Target)) {
            throw new IllegalArgumentException("a pool's initializer is a Target, got " + initializer.getClass().getName());
        }
        if (initializer != null && !inThreads) {
            // Fail here, not in every worker start, if the initializer cannot travel.
            CodeShipment.capture(initializer, Map.of("the initializer", initializer), WORKERS);
        }
        this.processes = processes;
        this.initializer = (Target) initializer;
        this.maxTasksPerChild = maxTasksPerChild;
        this.inThreads = inThreads;
        for (int i = 0; i < processes; i++) {
            slots.add(inThreads ? new ThreadSlot(this, i + 1) : new WorkerSlot(this, i == 0));
        }
        slots.forEach(Slot::start);
    }

    /** Whether functions and items are serialized for worker JVMs, rather than handed to threads as they are. */
    boolean ships() {
        return !inThreads;
    }

    @Override
    public ListCall submit(Object function, boolean starred, List<?> items, int chunkSize, boolean single) {
        return ListJob.submit(this, function, starred, items, chunkSize, single);
    }

    @Override
    public StreamCall stream(Object function, boolean starred, Iterator<?> input, int chunkSize, boolean ordered) {
        return new StreamJob(this, function, starred, input, chunkSize, ordered);
    }

    @Override
    public int processes() {
        return processes;
    }

    Target initializer() {
        return initializer;
    }

    int maxTasksPerChild() {
        return maxTasksPerChild;
    }

    /**
     * The first worker boots alone: JVMs starting together share the cores and all come up late, while the
     * first one alone is ready in about half the time and takes the first chunks.
     */
    void awaitFirstWorker() throws InterruptedException {
        firstWorkerStarted.await(FIRST_WORKER_HEAD_START_MILLIS, TimeUnit.MILLISECONDS);
    }

    void firstWorkerStarted() {
        firstWorkerStarted.countDown();
    }

    /** Refuses new work with a clear error once the pool is closed. */
    void checkAccepting() {
        if (closed) {
            throw new IllegalStateException("Pool not running: it was " + (terminated ? "terminated" : "closed")
                    + "; create a new Pool for more work");
        }
    }

    /** Accepts a new job, unless the pool was closed meanwhile. */
    synchronized void register(Job job) {
        checkAccepting();
        active.add(job);
    }

    void enqueue(Chunk chunk) {
        queue.add(chunk);
    }

    void finished(Job job) {
        job.progress.finish();
        if (active.remove(job) && closed && active.isEmpty()) {
            wakeSlots();
        }
    }

    /** Kills the workers running chunks of {@code job}, so that none stays busy with abandoned work. */
    void abandon(Job job) {
        slots.forEach(slot -> slot.killIfRunning(job));
    }

    boolean isTerminated() {
        return terminated;
    }

    /** The next chunk for {@code slot}, or {@code null} when the slot should stop. */
    Chunk nextChunk(Slot slot) throws InterruptedException {
        while (!terminated) {
            Chunk chunk = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (chunk != null && chunk.job() != null) {
                if (!chunk.job().isAbandoned()) {
                    return chunk;
                }
            } else if (closed && active.isEmpty()) {
                // Whatever is still queued belongs to abandoned jobs.
                return null;
            } else {
                slot.replaceIfDied();
            }
        }
        return null;
    }

    @Override
    public void close() {
        List<Job> jobs;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            jobs = new ArrayList<>(active);
        }
        for (Job job : jobs) {
            if (job instanceof StreamJob stream) {
                stream.stopFeeding();
            }
        }
        if (active.isEmpty()) {
            wakeSlots();
        }
    }

    @Override
    public void terminate() {
        synchronized (this) {
            closed = true;
            terminated = true;
        }
        queue.clear();
        for (Job job : new ArrayList<>(active)) {
            job.cancel("the pool was terminated before this call finished");
        }
        slots.forEach(Slot::terminateWorker);
        wakeSlots();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Waits until every slot has stopped its worker. */
    @Override
    public boolean join(long deadline) throws InterruptedException {
        checkNotOwnThread();
        for (Slot slot : slots) {
            if (!slot.join(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** A result callback runs on a slot's thread, which cannot wait for the slots to end. */
    @Override
    public void checkNotOwnThread() {
        if (slots.stream().anyMatch(Slot::isCurrentThread)) {
            throw new IllegalStateException("a result callback runs on one of the pool's own threads and cannot wait"
                    + " for the pool to end: call shutdown() there, or close() from another thread");
        }
    }

    @Override
    public boolean allStopped() {
        return slots.stream().noneMatch(Slot::isRunning);
    }

    /** The process ids of the current workers (this JVM's for threads), for tests and diagnostics. */
    @Override
    public List<Long> workerPids() {
        List<Long> pids = new ArrayList<>();
        slots.forEach(slot -> {
            Long pid = slot.workerPid();
            if (pid != null) {
                pids.add(pid);
            }
        });
        return pids;
    }

    @Override
    public List<PoolWorkerRow> workerActivity() {
        List<PoolWorkerRow> rows = new ArrayList<>();
        slots.forEach(slot -> {
            PoolWorkerRow row = slot.activity();
            if (row != null) {
                rows.add(row);
            }
        });
        return rows;
    }

    private void wakeSlots() {
        for (int i = 0; i < slots.size(); i++) {
            queue.add(new Chunk(null, -1, 0, null, Map.of(), null));
        }
    }
}
