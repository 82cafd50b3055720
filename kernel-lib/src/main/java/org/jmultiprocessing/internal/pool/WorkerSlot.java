package org.jmultiprocessing.internal.pool;

import org.jmultiprocessing.internal.codec.MessageReader;
import org.jmultiprocessing.internal.codec.MessageWriter;
import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.internal.codec.ValueCodec;
import org.jmultiprocessing.internal.launch.ChildProcess;
import org.jmultiprocessing.internal.runtime.ExitCodes;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.LibraryThreads;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.internal.runtime.StartPhases;
import org.jmultiprocessing.internal.ship.CodeShipment;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.RemoteTraceback;
import org.jmultiprocessing.Target;
import org.jmultiprocessing.Target2;
import org.jmultiprocessing.TaskFailedException;
import org.jmultiprocessing.WorkerDiedException;
import org.jmultiprocessing.spi.PoolWorkerRow;
import org.jmultiprocessing.internal.display.TimelineRecorder;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ProcessTask;

/**
 * One place in a pool: a thread that keeps one worker JVM running (starting a replacement when it dies or
 * retires) and feeds it chunks one at a time. Waiting for the reply is what notices a death: the socket
 * closes when the worker's process ends, for whatever reason, and the chunk fails at once.
 */
final class WorkerSlot implements Slot {
    private static final AtomicInteger WORKERS = new AtomicInteger();
    /** How long a worker that closed its socket gets to finish exiting, so that its exit code is known. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(1);
    /** How long a retiring worker gets to exit after STOP before it is terminated. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final PoolEngine pool;
    private final boolean first;
    private final Thread thread;
    private final Set<String> shippedClasses = new HashSet<>();
    private volatile Worker worker;
    private volatile Worker starting;
    private PoolChannel channel;
    /** The function the worker holds; it is sent again only when its serialized form changes. */
    private CodeShipment functionShipped;
    private int chunksRun;
    /** Items the current worker has completed, for the pool's table. */
    private volatile long itemsDone;
    private boolean lastStartFailed;
    private Chunk running;
    private boolean killedWhileRunning;

    WorkerSlot(PoolEngine pool, boolean first) {
        this.pool = pool;
        this.first = first;
        // The slots' threads (and the output relays their workers start) live outside the caller's thread group:
        // JShell's local execution engine ends a cell only when every thread of the cell's group has ended.
        this.thread = LibraryThreads.unstarted(this::run, "jmp-pool-worker-slot");
        thread.setDaemon(true);
    }

    /** A worker JVM and its name. */
    private record Worker(ChildProcess process, String name) {
        long pid() {
            return process.pid();
        }
    }

    @Override
    public void start() {
        thread.start();
    }

    private void run() {
        try {
            if (first) {
                startWorker(null);
                pool.firstWorkerStarted();
            } else {
                pool.awaitFirstWorker();
            }
            while (!pool.isTerminated()) {
                if (worker == null && !lastStartFailed && !pool.isClosed()) {
                    startWorker(null);
                }
                Chunk chunk = pool.nextChunk(this);
                if (chunk == null) {
                    break;
                }
                if (worker == null || !worker.process().isAlive()) {
                    discardWorker();
                    if (!startWorker(chunk)) {
                        continue;
                    }
                }
                try {
                    execute(chunk);
                } catch (RuntimeException | Error e) {
                    // A bug here must fail the call, not leave it waiting for a slot that is gone.
                    chunk.job().failed(chunk, new TaskFailedException("internal error in the pool: " + e, e));
                    discardWorker();
                }
            }
        } catch (InterruptedException e) {
            // Only this class interrupts the thread: the pool is going away.
        } finally {
            stopWorker();
        }
    }

    @Override
    public void replaceIfDied() {
        if (worker != null && !worker.process().isAlive()) {
            discardWorker();
            if (!lastStartFailed && !pool.isClosed()) {
                startWorker(null);
            }
        }
    }

    /**
     * Starts a worker and waits until it has connected and proved it holds the session key. If it fails,
     * {@code chunk} (when given) fails with the reason.
     */
    private boolean startWorker(Chunk chunk) {
        if (pool.isTerminated()) {
            return false;
        }
        Worker process = null;
        try (PoolListener listener = new PoolListener(Session.current().newPath("pool"))) {
            try {
                process = launch(listener.path().toString());
                starting = process;
                // The worker's end of the socket closes when it dies, but it may die before it connects.
                ProcessHandle.of(process.pid()).ifPresentOrElse(
                        handle -> handle.onExit().thenRun(listener::stop), listener::stop);
                if (pool.isTerminated()) {
                    throw new IOException("the pool was terminated");
                }
                channel = listener.accept(Session.current().authKey());
                StartPhases.mark(process.pid(), "worker-accepted", System.nanoTime());
                worker = process;
                chunksRun = 0;
                itemsDone = 0;
                functionShipped = null;
                shippedClasses.clear();
                lastStartFailed = false;
                return true;
            } finally {
                starting = null;
            }
        } catch (IOException | RuntimeException e) {
            if (pool.isTerminated()) {
                // Terminated while this worker started: end it before it tries to connect to the closed socket.
                if (process != null) {
                    process.process().kill();
                    awaitExit(process);
                    release(process);
                }
                return false;
            }
            lastStartFailed = true;
            if (process == null) {
                if (chunk != null) {
                    chunk.job().failed(chunk, new TaskFailedException("cannot start a pool worker: " + e, e));
                }
                return false;
            }
            long pid = process.pid();
            Integer exit = awaitExit(process);
            if (chunk != null) {
                chunk.job().failed(chunk, new WorkerDiedException("pool worker " + process.name() + " (pid " + pid
                        + ") exited with code " + describe(exit) + " before it was ready: see its error output above"
                        + (pool.initializer() != null ? " (did the pool's initializer fail?)" : ""), pid, exit));
            }
            release(process);
            return false;
        }
    }

    /**
     * Starts a worker JVM, daemonic as in Python, whose target connects back to {@code socketPath}. A static
     * method with plain arguments (a pool without an initializer), so that it travels in compact form.
     */
    private Worker launch(String socketPath) {
        if (Internals.daemonicTowardsChildren()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children (as in Python): "
                    + Internals.processName() + " is a daemon");
        }
        String name = "PoolWorker-" + WORKERS.incrementAndGet();
        Target initializer = pool.initializer();
        Object[] args = {socketPath, initializer};
        Target2<String, Target> target = PoolWorker::work;
        Map<String, Object> labelled = new LinkedHashMap<>();
        labelled.put("the target", target);
        labelled.put("argument 1", socketPath);
        labelled.put("argument 2", initializer);
        ProcessTask task = new ProcessTask(name, true, Internals.nextChildIdentity(Internals.identity()), target, args);
        return new Worker(ChildProcess.start(task, labelled), name);
    }

    private void execute(Chunk chunk) {
        Job job = chunk.job();
        Map<String, byte[]> newClasses = new LinkedHashMap<>();
        job.shipment.classes().forEach((name, bytes) -> {
            if (!shippedClasses.contains(name)) {
                newClasses.put(name, bytes);
            }
        });
        chunk.classes().forEach((name, bytes) -> {
            if (!shippedClasses.contains(name)) {
                newClasses.put(name, bytes);
            }
        });
        boolean withFunction = !sameFunction(job.shipment);
        MessageWriter request = new MessageWriter(chunk.values().length + 256
                + (withFunction ? job.shipment.serialized().length + job.shipment.variables().length : 0));
        request.putByte(PoolProtocol.CHUNK).putByte(job.starred ? 1 : 0).putClasses(newClasses);
        request.putByte(withFunction ? 1 : 0);
        if (withFunction) {
            request.putBytes(job.shipment.variables()).putBytes(job.shipment.serialized());
        }
        request.putRaw(chunk.values());
        synchronized (this) {
            if (job.isAbandoned()) {
                return;
            }
            running = chunk;
        }
        Worker current = worker;
        long pid = current.pid();
        job.progress.workerStarted(pid, chunk.size());
        long startNanos = System.nanoTime();
        MessageReader reply;
        try {
            channel.send(request);
            reply = channel.receive();
        } catch (IOException e) {
            synchronized (this) {
                running = null;
                killedWhileRunning = false;
            }
            job.progress.workerEnded(pid, chunk.size(), false);
            TimelineRecorder.taskRan(pid, job.progress.call(), chunk.size(), startNanos, false);
            workerLost(chunk, current);
            return;
        }
        boolean killed;
        synchronized (this) {
            running = null;
            killed = killedWhileRunning;
            killedWhileRunning = false;
        }
        shippedClasses.addAll(newClasses.keySet());
        functionShipped = job.shipment;
        chunksRun++;
        boolean retire = false;
        if (reply.getByte() == PoolProtocol.RESULTS) {
            Object[] results;
            try {
                results = ValueCodec.read(reply, job::deserialize);
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                job.failed(chunk, new TaskFailedException("cannot read the results that worker " + describe(current)
                        + " sent back: " + e, e));
                results = null;
            }
            job.progress.workerEnded(pid, chunk.size(), results != null);
            TimelineRecorder.taskRan(pid, job.progress.call(), chunk.size(), startNanos, results != null);
            if (results != null) {
                itemsDone += chunk.size();
                job.succeeded(chunk, results);
            }
        } else {
            int kind = reply.getByte();
            retire = reply.getByte() != 0;
            if (kind == PoolProtocol.NOT_RECEIVED) {
                functionShipped = null;
            }
            job.progress.workerEnded(pid, chunk.size(), false);
            TimelineRecorder.taskRan(pid, job.progress.call(), chunk.size(), startNanos, false);
            job.failed(chunk, failure(job, current, kind, reply.getString(), reply.getBytes(), reply.getBytes()));
        }
        if (killed) {
            // The reply came in just before the kill did: the worker is dying all the same.
            discardWorker();
        } else if (retire || (pool.maxTasksPerChild() > 0 && chunksRun >= pool.maxTasksPerChild())) {
            stopWorker();
        }
    }

    /**
     * Whether the worker already holds this function: same serialized bytes, same notebook variables. A
     * repeated {@code map} with the same lambda then costs the worker no deserialization at all.
     */
    private boolean sameFunction(CodeShipment function) {
        CodeShipment held = functionShipped;
        return held != null && (held == function || Arrays.equals(held.serialized(), function.serialized())
                && Arrays.equals(held.variables(), function.variables()));
    }

    /** The exception that stands, in the caller, for a task's failure in the worker. */
    private static Throwable failure(Job job, Worker worker, int kind, String description, byte[] traceback, byte[] exception) {
        RemoteTraceback remote;
        try {
            remote = (RemoteTraceback) deserializeJdkOnly(traceback);
        } catch (IOException | ClassNotFoundException e) {
            remote = null;
        }
        String where = "in worker " + describe(worker);
        if (kind == PoolProtocol.RESULT_NOT_TRANSFERABLE) {
            return new NotTransferableException("cannot send the result back from worker " + describe(worker) + ": "
                    + description + ". Return serializable data, e.g. a record of the values you need.", remote);
        }
        if (kind == PoolProtocol.NOT_RECEIVED) {
            return new TaskFailedException("worker " + describe(worker) + " " + description, remote);
        }
        if (exception.length > 0) {
            try {
                Throwable raised = (Throwable) job.deserialize(exception);
                if (!hasRemoteTraceback(raised) && remote != null) {
                    raised.addSuppressed(remote);
                }
                return raised;
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                description = description + " (the exception cannot be read here: " + e + ")";
            }
        }
        return new TaskFailedException("the task raised " + description + " " + where, remote);
    }

    private static boolean hasRemoteTraceback(Throwable t) {
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
            if (c instanceof RemoteTraceback) {
                return true;
            }
        }
        return false;
    }

    private static Object deserializeJdkOnly(byte[] bytes) throws IOException, ClassNotFoundException {
        return Deserialization.read(bytes, 0, bytes.length, null);
    }

    /** The worker's socket closed while it ran {@code chunk}: it died. */
    private void workerLost(Chunk chunk, Worker lost) {
        long pid = lost.pid();
        Integer exit = awaitExit(lost);
        discardWorker();
        if (!chunk.job().isAbandoned()) {
            chunk.job().failed(chunk, new WorkerDiedException("pool worker " + lost.name() + " (pid " + pid
                    + ") died while running a task of this call: exit code " + describe(exit)
                    + ". The pool has replaced it and can run the next call.", pid, exit));
        }
    }

    @Override
    public synchronized void killIfRunning(Job job) {
        Worker current = worker;
        if (running != null && running.job() == job && current != null) {
            killedWhileRunning = true;
            current.process().kill();
        }
    }

    @Override
    public void terminateWorker() {
        for (Worker w : new Worker[] {starting, worker}) {
            if (w != null && w.process().isAlive()) {
                w.process().terminate();
            }
        }
    }

    /** Asks the worker to finish (or terminates it if the pool was terminated) and waits for it. */
    private void stopWorker() {
        Worker current = worker;
        if (current == null) {
            return;
        }
        if (!pool.isTerminated() && current.process().isAlive()) {
            try {
                channel.send(new MessageWriter(8).putByte(PoolProtocol.STOP));
                if (!current.process().join(Deadline.deadlineAfter(STOP_GRACE))) {
                    current.process().terminate();
                }
            } catch (IOException e) {
                // Already gone.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        discardWorker();
    }

    private void discardWorker() {
        Worker current = worker;
        worker = null;
        if (channel != null) {
            channel.close();
            channel = null;
        }
        if (current != null) {
            if (current.process().isAlive()) {
                current.process().kill();
            }
            awaitExit(current);
            release(current);
        }
    }

    private static Integer awaitExit(Worker worker) {
        ChildProcess process = worker.process();
        try {
            if (!process.join(Deadline.deadlineAfter(EXIT_GRACE))) {
                process.kill();
                process.join(Deadline.deadlineAfter(EXIT_GRACE));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitCode();
    }

    private static void release(Worker worker) {
        if (!worker.process().isAlive()) {
            worker.process().release();
        }
    }

    @Override
    public boolean join(long deadline) throws InterruptedException {
        if (deadline == Deadline.FOREVER) {
            thread.join();
        } else {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return !thread.isAlive();
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
        Worker current = worker;
        if (current == null) {
            return null;
        }
        Chunk now = running;
        return new PoolWorkerRow(current.pid(), itemsDone, now == null ? null : now.job().progress.call(),
                now == null ? 0 : now.size());
    }

    @Override
    public Long workerPid() {
        Worker current = worker;
        return current == null ? null : current.pid();
    }

    private static String describe(Worker worker) {
        return worker == null ? "(none)" : worker.name() + " (pid " + worker.pid() + ")";
    }

    private static String describe(Integer exit) {
        if (exit == null) {
            return "unknown";
        }
        String name = ExitCodes.describe(exit);
        return name.equals(exit.toString()) ? name : exit + " (" + name.substring(1) + ")";
    }
}
