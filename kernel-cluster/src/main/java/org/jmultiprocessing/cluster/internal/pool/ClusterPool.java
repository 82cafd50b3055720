package org.jmultiprocessing.cluster.internal.pool;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.hazelcast.cluster.Member;
import org.jmultiprocessing.Target;
import org.jmultiprocessing.WorkerDiedException;
import org.jmultiprocessing.cluster.internal.client.NotebookSession;
import org.jmultiprocessing.cluster.internal.client.TaskOutcomes;
import org.jmultiprocessing.cluster.internal.task.ChunkValues;
import org.jmultiprocessing.cluster.internal.task.TaskEnvelope;
import org.jmultiprocessing.cluster.internal.task.TaskResult;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ListCall;
import org.jmultiprocessing.spi.PoolWorkerRow;
import org.jmultiprocessing.spi.StreamCall;
import org.jmultiprocessing.spi.WorkerPool;
import org.jmultiprocessing.spi.ship.Shipment;

/**
 * A pool on a cluster: chunks of a call are tasks on members, taken in turn, at most {@code processes} of
 * them running at once across the cluster. There are no worker processes: the members run the chunks in
 * their executor threads. A chunk whose member leaves (killed, crashed) runs again on another member; its
 * result is counted once (by chunk index), though its function may so have run twice for those items. When no
 * member is left to run it, the call fails with a {@link WorkerDiedException} naming the members it was lost on.
 */
public final class ClusterPool implements WorkerPool {
    static final String MEMBER = "a cluster member";
    /** How long a chunk's end waits for the output its task printed (a member that died took it along). */
    private static final long OUTPUT_WAIT_MILLIS = 2000;

    private final NotebookSession session;
    private final int processes;
    private final Target initializer;
    private final long id = new SecureRandom().nextLong();
    private final ArrayDeque<ChunkTask> queue = new ArrayDeque<>();
    private final Set<ClusterCall> active = ConcurrentHashMap.newKeySet();
    private final Map<UUID, MemberActivity> activity = new LinkedHashMap<>();
    private int inFlight;
    private volatile boolean closed;
    private volatile boolean terminated;

    private static final class MemberActivity {
        final long pid;
        long itemsDone;
        int runningItems;
        String runningCall;

        MemberActivity(long pid) {
            this.pid = pid;
        }
    }

    public ClusterPool(NotebookSession session, int processes, Serializable initializer, int maxTasksPerChild) {
        if (processes < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 process, got " + processes);
        }
        if (maxTasksPerChild != 0) {
            throw new UnsupportedOperationException("a cluster pool has no worker processes to replace, so no"
                    + " maxTasksPerChild (got " + maxTasksPerChild + "): its chunks run in the members' threads;"
                    + " pass 0, or use a local Pool for fresh worker JVMs");
        }
        if (initializer != null && !(initializer instanceof Target)) {
            throw new IllegalArgumentException("a pool's initializer is a Target, got " + initializer.getClass().getName());
        }
        if (initializer != null) {
            // Fail here, not in every chunk, if the initializer cannot travel.
            Shipment.capture(initializer, Map.of("the initializer", initializer), "the cluster's members");
        }
        this.session = session;
        this.processes = processes;
        this.initializer = (Target) initializer;
    }

    Target initializer() {
        return initializer;
    }

    /** This pool's id: a member runs the initializer once per pool. */
    long id() {
        return id;
    }

    @Override
    public int processes() {
        return processes;
    }

    @Override
    public ListCall submit(Object function, boolean starred, List<?> items, int chunkSize, boolean single) {
        return ListClusterCall.submit(this, function, starred, items, chunkSize, single);
    }

    @Override
    public StreamCall stream(Object function, boolean starred, Iterator<?> input, int chunkSize, boolean ordered) {
        return new StreamClusterCall(this, function, starred, input, chunkSize, ordered);
    }

    void checkAccepting() {
        if (closed) {
            throw new IllegalStateException("Pool not running: it was " + (terminated ? "terminated" : "closed")
                    + "; create a new Pool for more work");
        }
        if (session.isClosed()) {
            throw new IllegalStateException("Pool not running: its cluster was closed");
        }
    }

    synchronized void register(ClusterCall call) {
        checkAccepting();
        active.add(call);
    }

    void finished(ClusterCall call) {
        call.progress.finish();
        synchronized (this) {
            active.remove(call);
            notifyAll();
        }
    }

    void enqueue(ChunkTask chunk) {
        synchronized (this) {
            queue.add(chunk);
        }
        pump();
    }

    /** Sends queued chunks while fewer than {@code processes} are on members. */
    private void pump() {
        List<ChunkTask> sending = new ArrayList<>();
        synchronized (this) {
            while (inFlight < processes && !queue.isEmpty()) {
                ChunkTask chunk = queue.poll();
                if (!chunk.call.isAbandoned() && !terminated) {
                    inFlight++;
                    sending.add(chunk);
                }
            }
            notifyAll();
        }
        sending.forEach(this::send);
    }

    private void send(ChunkTask chunk) {
        Member member;
        try {
            member = session.isClosed() ? null : session.pickMember(chunk.avoid);
        } catch (RuntimeException e) {
            member = null; // The client is shutting down.
        }
        if (member == null) {
            chunk.call.failed(chunk, session.isClosed()
                    ? new CancellationException("the cluster was closed before this call finished")
                    : new WorkerDiedException("the cluster members running chunk " + chunk.index + " of this "
                    + chunk.call.progress.call() + " left the cluster (" + String.join(", ", chunk.lostOn)
                    + ") and no other member is left to run it", -1, null));
            release();
            return;
        }
        Member target = member;
        long pid = NotebookSession.pid(target);
        long taskId = session.nextTaskId();
        chunk.call.progress.workerStarted(pid, chunk.size);
        started(target, pid, chunk);
        NotebookSession.Submitted submitted;
        try {
            submitted = session.submit(target, taskId, TaskEnvelope.POOL_CHUNK, chunk.shipment);
        } catch (RuntimeException e) {
            ended(target, chunk, false);
            chunk.call.progress.workerEnded(pid, chunk.size, false);
            chunk.call.failed(chunk, TaskOutcomes.notRun(target, e));
            release();
            return;
        }
        chunk.running = submitted;
        chunk.call.running.add(chunk);
        if (chunk.call.isAbandoned()) {
            submitted.cancel();
        }
        submitted.result().whenCompleteAsync((result, error) -> {
            chunk.call.running.remove(chunk);
            chunk.running = null;
            boolean ok = error == null && result.status() == TaskResult.RESULTS;
            ended(target, chunk, ok);
            chunk.call.progress.workerEnded(pid, chunk.size, ok);
            if (error != null && TaskOutcomes.memberLost(error) && !chunk.call.isAbandoned() && !terminated
                    && !session.isClosed()) {
                chunk.avoid.add(target.getUuid());
                chunk.lostOn.add(NotebookSession.describe(target));
                send(chunk); // keeps its place among the chunks in flight
                return;
            }
            try {
                deliver(chunk, target, taskId, result, error);
            } catch (RuntimeException | LinkageError e) {
                chunk.call.failed(chunk, e);
            } finally {
                release();
            }
        }, session.completions());
    }

    private void deliver(ChunkTask chunk, Member member, long taskId, TaskResult result, Throwable error) {
        ClusterCall call = chunk.call;
        if (error != null) {
            if (!call.isAbandoned()) {
                call.failed(chunk, TaskOutcomes.notRun(member, error));
            }
            return;
        }
        try {
            session.relay().awaitAndForget(taskId, result.outputMessages(), OUTPUT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (result.status() != TaskResult.RESULTS) {
            call.failed(chunk, TaskOutcomes.failure(result, call.function.getClass().getClassLoader()));
            return;
        }
        Object[] values;
        try {
            values = ChunkValues.decode(result.body(), call::deserialize);
        } catch (Exception | LinkageError e) {
            call.failed(chunk, new org.jmultiprocessing.TaskFailedException("the results of chunk " + chunk.index
                    + " from member " + NotebookSession.describe(member) + " cannot be read here: " + e, e));
            return;
        }
        call.succeeded(chunk, values);
    }

    private void release() {
        synchronized (this) {
            inFlight--;
        }
        pump();
    }

    private synchronized void started(Member member, long pid, ChunkTask chunk) {
        MemberActivity row = activity.computeIfAbsent(member.getUuid(), u -> new MemberActivity(pid));
        row.runningItems += chunk.size;
        row.runningCall = chunk.call.progress.call();
    }

    private synchronized void ended(Member member, ChunkTask chunk, boolean succeeded) {
        MemberActivity row = activity.get(member.getUuid());
        if (row != null) {
            row.runningItems -= chunk.size;
            if (succeeded) {
                row.itemsDone += chunk.size;
            }
            if (row.runningItems == 0) {
                row.runningCall = null;
            }
        }
    }

    @Override
    public void close() {
        List<ClusterCall> calls;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            calls = new ArrayList<>(active);
            notifyAll();
        }
        for (ClusterCall call : calls) {
            if (call instanceof StreamClusterCall stream) {
                stream.stopFeeding();
            }
        }
    }

    @Override
    public void terminate() {
        synchronized (this) {
            closed = true;
            terminated = true;
            queue.clear();
        }
        for (ClusterCall call : new ArrayList<>(active)) {
            call.cancel("the pool was terminated before this call finished");
        }
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Waits until the pool is closed and its calls are done, with nothing left on members. */
    @Override
    public boolean join(long deadline) throws InterruptedException {
        checkNotOwnThread();
        synchronized (this) {
            while (!allStopped()) {
                if (Deadline.hasPassed(deadline)) {
                    return false;
                }
                if (deadline == Deadline.FOREVER) {
                    wait();
                } else {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
                }
            }
            return true;
        }
    }

    @Override
    public synchronized boolean allStopped() {
        return closed && (active.isEmpty() || terminated) && inFlight == 0;
    }

    /** A result callback runs on one of the session's completion threads, which cannot wait for the pool. */
    @Override
    public void checkNotOwnThread() {
        if (session.isCompletionThread()) {
            throw new IllegalStateException("a result callback runs on one of the pool's own threads and cannot wait"
                    + " for the pool to end: call shutdown() there, or close() from another thread");
        }
    }

    /** The pids of the members, which run the chunks. */
    @Override
    public List<Long> workerPids() {
        List<Long> pids = new ArrayList<>();
        if (!allStopped()) {
            session.members().forEach(m -> pids.add(NotebookSession.pid(m)));
        }
        return pids;
    }

    @Override
    public synchronized List<PoolWorkerRow> workerActivity() {
        List<PoolWorkerRow> rows = new ArrayList<>();
        activity.values().forEach(a -> rows.add(new PoolWorkerRow(a.pid, a.itemsDone, a.runningCall, a.runningItems)));
        return rows;
    }
}
