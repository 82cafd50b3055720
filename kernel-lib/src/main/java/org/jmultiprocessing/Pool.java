package org.jmultiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jmultiprocessing.internal.logging.LibraryLog;
import org.jmultiprocessing.spi.PoolWorkerRow;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ListCall;
import org.jmultiprocessing.spi.StreamCall;
import org.jmultiprocessing.spi.WorkerPool;

/**
 * Python's {@code multiprocessing.Pool}: a fixed number of warm worker JVMs that run functions over data.
 *
 * <pre>{@code
 * try (var pool = new Pool(4)) {
 *     List<Integer> squares = pool.map((Integer x) -> x * x, List.of(1, 2, 3));   // [1, 4, 9]
 * }
 * }</pre>
 *
 * <h2>Design</h2>
 * Each worker is a child JVM started as a {@link Process}'s is (daemonic, as in Python, yet its tasks may start
 * processes of their own, as those of Python's {@code ProcessPoolExecutor} may) whose target connects back to the pool over a
 * Unix domain socket in the session's private directory and proves it knows the session key (HMAC challenge
 * both ways, as in Python's {@code multiprocessing.connection}) before anything is deserialized; any other
 * connection to that socket is closed and the pool goes on waiting for its worker. The pool
 * has one thread per worker that sends it one chunk of tasks at a time and waits for the reply. When a worker
 * dies, its socket closes at once, so the chunk it was running fails with a {@link WorkerDiedException}
 * naming its pid and exit code, a replacement starts, and the pool stays usable: CPython's Pool hangs forever
 * here. The first worker boots alone and takes the first chunks; the others start once it is up (JVMs booting
 * together on few cores all come up late). Functions and arguments go through {@link Process}'s code shipping: classes defined in notebook cells
 * travel once per worker; a worker deserializes the function once and keeps it while its serialized form (with
 * the notebook variables it uses) stays the same, so state it mutates may outlive one call, unlike in Python.
 * Chunks of Integers, Longs, Doubles, Booleans or Strings travel as packed arrays, anything else as one
 * serialized array per chunk.
 *
 * <h2>Errors</h2>
 * A task's exception is rethrown in the caller with its original type, its stack trace showing the caller,
 * and a {@link RemoteTraceback} as its cause showing the worker's frames (Python's RemoteTraceback; attached
 * as suppressed when the exception had a cause of its own). Checked exceptions and {@link Error}s are wrapped
 * in a {@link TaskFailedException}, since Java would not let a method that does not declare them throw them.
 * An exception that cannot be serialized arrives as a TaskFailedException with its description and the
 * remote traceback. An argument, function or result that cannot be serialized gives a
 * {@link NotTransferableException} naming it; the pool stays usable. A worker that runs out of memory reports
 * the error and is replaced. Interrupting a waiting caller (a notebook's interrupt) cancels the call: its
 * queued tasks are dropped and the workers busy with it are killed and replaced.
 *
 * <h2>Closing</h2>
 * Python's {@code close()} means "no more tasks" while Java's {@link AutoCloseable#close()} means "release
 * everything", and Python's {@code with} block calls {@code terminate()}, which silently kills pending
 * asynchronous work. Here {@link #close()} does what {@link java.util.concurrent.ExecutorService#close()}
 * does since Java 19: no more tasks, wait for the submitted ones, stop the workers (interrupted, it
 * terminates). So {@code pool.close(); pool.join();} works as in Python (close just waits longer), and a
 * try-with-resources block leaves no worker behind without discarding work. {@link #shutdown()} is Python's
 * non-blocking {@code close()}; {@link #terminate()} (or {@link #shutdownNow()}) stops at once. A closed pool
 * refuses new work with an {@link IllegalStateException}.
 *
 * <p>Functions are lambdas with typed parameters, e.g. {@code (Integer x) -> x * x}, as {@link Func},
 * {@link Func2}, {@link Func3} or {@link Func0}. Worker output appears in the calling cell as for Process.
 * The pool is also an {@link java.util.concurrent.ExecutorService} whose tasks must be serializable.
 *
 * <h2>Threads</h2>
 * A pool of the thread context ({@code Multiprocessing.getContext("thread").pool(4)}) is Python's
 * {@code ThreadPool}: its workers are threads of this JVM that call the function on the items themselves
 * (nothing is serialized, so they need not be); errors reach the caller as above, with a
 * {@link RemoteTraceback} of the worker thread's frames. A thread cannot be killed: cancelling or terminating
 * interrupts the threads busy with the call and drops their results.
 */
public class Pool extends AbstractExecutorService implements AutoCloseable {
    private final WorkerPool engine;

    /** A pool of {@link Multiprocessing#cpuCount()} workers. */
    public Pool() {
        this(Multiprocessing.cpuCount());
    }

    public Pool(int processes) {
        this(processes, null, 0);
    }

    /** Each worker runs {@code initializer} once when it starts: {@code new Pool(4, () -> loadModel())}. */
    public Pool(int processes, Target initializer) {
        this(processes, initializer, 0);
    }

    /** Python's {@code Pool(processes, initializer, initargs)} with one argument. */
    public <A> Pool(int processes, Target1<A> initializer, A arg) {
        this(processes, initializerOf(initializer, arg), 0);
    }

    /** Python's {@code Pool(processes, initializer, initargs)} with two arguments. */
    public <A, B> Pool(int processes, Target2<A, B> initializer, A a, B b) {
        this(processes, initializerOf(initializer, a, b), 0);
    }

    /**
     * @param initializer      run once by each worker when it starts, or {@code null}
     * @param maxTasksPerChild chunks of tasks a worker runs before a fresh one replaces it (Python's
     *                         {@code maxtasksperchild}); 0 for no limit
     */
    public Pool(int processes, Target initializer, int maxTasksPerChild) {
        this(Context.defaultContext(), processes, initializer, maxTasksPerChild);
    }

    /** A pool of {@code context}'s workers ({@link Context#pool}). */
    Pool(Context context, int processes, Target initializer, int maxTasksPerChild) {
        engine = context.backend().pools().start(processes, initializer, maxTasksPerChild);
        RichDisplay.install();
        LibraryLog.event(System.Logger.Level.DEBUG, "pool of " + processes + " workers started (" + context.name() + ")");
    }

    static <A> Target initializerOf(Target1<A> initializer, A arg) {
        Objects.requireNonNull(initializer, "initializer");
        return () -> initializer.run(arg);
    }

    static <A, B> Target initializerOf(Target2<A, B> initializer, A a, B b) {
        Objects.requireNonNull(initializer, "initializer");
        return () -> initializer.run(a, b);
    }

    /** The number of worker processes. */
    public int processes() {
        return engine.processes();
    }

    /** The process ids of the workers running now (workers are replaced when they die or retire). */
    public List<Long> workerPids() {
        return engine.workerPids();
    }

    /** The workers' pids, items done and current work, for the pool's rich table. */
    List<PoolWorkerRow> workerActivity() {
        return engine.workerActivity();
    }

    // ---- map family ------------------------------------------------------------------------------------

    /**
     * Applies {@code function} to every item in the workers; returns the results in order. Items are sent
     * in chunks of {@code ceil(n / (4 * processes))}, as in Python.
     */
    public <T, R> List<R> map(Func<? super T, ? extends R> function, Iterable<? extends T> items) {
        return this.<R>mapJob(function, toList(items), -1).get();
    }

    public <T, R> List<R> map(Func<? super T, ? extends R> function, Iterable<? extends T> items, int chunksize) {
        return this.<R>mapJob(function, toList(items), checked(chunksize)).get();
    }

    public <T, R> AsyncResult<List<R>> mapAsync(Func<? super T, ? extends R> function, Iterable<? extends T> items) {
        return mapJob(function, toList(items), -1);
    }

    public <T, R> AsyncResult<List<R>> mapAsync(Func<? super T, ? extends R> function, Iterable<? extends T> items, int chunksize) {
        return mapJob(function, toList(items), checked(chunksize));
    }

    /** {@code chunksize <= 0} means Python's default. */
    private <R> AsyncResult<List<R>> mapJob(Object function, List<?> items, int chunksize) {
        Objects.requireNonNull(function, "function");
        return listResult(engine.submit(function, false, items,
                chunksize > 0 ? chunksize : defaultChunksize(items.size()), false));
    }

    /**
     * Python's {@code starmap}: calls {@code function} with each list of arguments, e.g.
     * {@code pool.starmap((Integer a, Integer b) -> a + b, List.of(List.of(1, 2), List.of(3, 4)))}.
     */
    public <A, B, R> List<R> starmap(Func2<? super A, ? super B, ? extends R> function, Iterable<? extends List<?>> argumentLists) {
        return this.<R>starmapAsyncOf(function, argumentLists, -1).get();
    }

    /** {@code chunksize} as in {@link #map(Func, Iterable, int)}. */
    public <A, B, R> List<R> starmap(Func2<? super A, ? super B, ? extends R> function, Iterable<? extends List<?>> argumentLists, int chunksize) {
        return this.<R>starmapAsyncOf(function, argumentLists, checked(chunksize)).get();
    }

    public <A, B, C, R> List<R> starmap(Func3<? super A, ? super B, ? super C, ? extends R> function, Iterable<? extends List<?>> argumentLists) {
        return this.<R>starmapAsyncOf(function, argumentLists, -1).get();
    }

    public <A, B, C, R> List<R> starmap(Func3<? super A, ? super B, ? super C, ? extends R> function, Iterable<? extends List<?>> argumentLists, int chunksize) {
        return this.<R>starmapAsyncOf(function, argumentLists, checked(chunksize)).get();
    }

    public <A, B, R> AsyncResult<List<R>> starmapAsync(Func2<? super A, ? super B, ? extends R> function, Iterable<? extends List<?>> argumentLists) {
        return starmapAsyncOf(function, argumentLists, -1);
    }

    public <A, B, R> AsyncResult<List<R>> starmapAsync(Func2<? super A, ? super B, ? extends R> function, Iterable<? extends List<?>> argumentLists, int chunksize) {
        return starmapAsyncOf(function, argumentLists, checked(chunksize));
    }

    public <A, B, C, R> AsyncResult<List<R>> starmapAsync(Func3<? super A, ? super B, ? super C, ? extends R> function, Iterable<? extends List<?>> argumentLists) {
        return starmapAsyncOf(function, argumentLists, -1);
    }

    public <A, B, C, R> AsyncResult<List<R>> starmapAsync(Func3<? super A, ? super B, ? super C, ? extends R> function, Iterable<? extends List<?>> argumentLists, int chunksize) {
        return starmapAsyncOf(function, argumentLists, checked(chunksize));
    }

    private <R> AsyncResult<List<R>> starmapAsyncOf(Object function, Iterable<? extends List<?>> argumentLists, int chunksize) {
        Objects.requireNonNull(function, "function");
        int arity = function instanceof Func3 ? 3 : 2;
        List<Object[]> arguments = new ArrayList<>();
        for (List<?> list : argumentLists) {
            if (list.size() != arity) {
                throw new IllegalArgumentException("starmap: argument list " + (arguments.size() + 1) + " has "
                        + list.size() + " values, but the function takes " + arity + ": " + list);
            }
            arguments.add(list.toArray());
        }
        return listResult(engine.submit(function, true, arguments,
                chunksize > 0 ? chunksize : defaultChunksize(arguments.size()), false));
    }

    /**
     * Python's {@code imap}: results in order, computed while you iterate. The input is read lazily in the
     * iterating thread, at most {@code 4 * processes} chunks ahead, so it may be huge or endless. Chunks of 1.
     */
    public <T, R> ResultIterator<R> imap(Func<? super T, ? extends R> function, Iterable<? extends T> items) {
        return imap(function, items, 1);
    }

    public <T, R> ResultIterator<R> imap(Func<? super T, ? extends R> function, Iterable<? extends T> items, int chunksize) {
        return stream(function, (Iterable<?>) items, checked(chunksize), true);
    }

    public <T, R> ResultIterator<R> imap(Func<? super T, ? extends R> function, Stream<? extends T> items) {
        return imap(function, items, 1);
    }

    public <T, R> ResultIterator<R> imap(Func<? super T, ? extends R> function, Stream<? extends T> items, int chunksize) {
        return stream(function, items.iterator(), -1, checked(chunksize), true);
    }

    /** Python's {@code imap_unordered}: as {@link #imap}, results in the order they complete. */
    public <T, R> ResultIterator<R> imapUnordered(Func<? super T, ? extends R> function, Iterable<? extends T> items) {
        return imapUnordered(function, items, 1);
    }

    public <T, R> ResultIterator<R> imapUnordered(Func<? super T, ? extends R> function, Iterable<? extends T> items, int chunksize) {
        return stream(function, (Iterable<?>) items, checked(chunksize), false);
    }

    public <T, R> ResultIterator<R> imapUnordered(Func<? super T, ? extends R> function, Stream<? extends T> items) {
        return imapUnordered(function, items, 1);
    }

    public <T, R> ResultIterator<R> imapUnordered(Func<? super T, ? extends R> function, Stream<? extends T> items, int chunksize) {
        return stream(function, items.iterator(), -1, checked(chunksize), false);
    }

    private <R> ResultIterator<R> stream(Object function, Iterable<?> items, int chunksize, boolean ordered) {
        return stream(function, items.iterator(), items instanceof Collection<?> c ? c.size() : -1, chunksize, ordered);
    }

    /** {@code size}: the input's length when known (a Collection), for a progress bar's total; else -1. */
    private <R> ResultIterator<R> stream(Object function, java.util.Iterator<?> input, long size, int chunksize, boolean ordered) {
        StreamCall job = engine.stream(Objects.requireNonNull(function, "function"), false, input, chunksize, ordered);
        if (size >= 0) {
            job.progress().total(size);
        }
        return new ResultIterator<>(job);
    }

    // ---- apply family ----------------------------------------------------------------------------------

    /** Runs {@code task} in a worker and returns its result: {@code pool.apply(() -> slowSquare(7))}. */
    public <R> R apply(Func0<? extends R> task) {
        return applyAsync(task).get();
    }

    public <A, R> R apply(Func<? super A, ? extends R> function, A a) {
        return applyAsync(function, a).get();
    }

    public <A, B, R> R apply(Func2<? super A, ? super B, ? extends R> function, A a, B b) {
        return applyAsync(function, a, b).get();
    }

    public <A, B, C, R> R apply(Func3<? super A, ? super B, ? super C, ? extends R> function, A a, B b, C c) {
        return applyAsync(function, a, b, c).get();
    }

    public <R> AsyncResult<R> applyAsync(Func0<? extends R> task) {
        return single(task);
    }

    public <A, R> AsyncResult<R> applyAsync(Func<? super A, ? extends R> function, A a) {
        return single(function, a);
    }

    public <A, B, R> AsyncResult<R> applyAsync(Func2<? super A, ? super B, ? extends R> function, A a, B b) {
        return single(function, a, b);
    }

    public <A, B, C, R> AsyncResult<R> applyAsync(Func3<? super A, ? super B, ? super C, ? extends R> function, A a, B b, C c) {
        return single(function, a, b, c);
    }

    @SuppressWarnings("unchecked")
    private <R> AsyncResult<R> single(Object function, Object... args) {
        ListCall job = engine.submit(Objects.requireNonNull(function, "function"), true,
                List.<Object>of((Object) args), 1, true);
        return new AsyncResult<>((CompletableFuture<R>) (CompletableFuture<?>) job.future(), job);
    }

    @SuppressWarnings("unchecked")
    private <R> AsyncResult<List<R>> listResult(ListCall job) {
        return new AsyncResult<>((CompletableFuture<List<R>>) (CompletableFuture<?>) job.future(), job);
    }

    // ---- lifecycle -------------------------------------------------------------------------------------

    /**
     * No new work; waits for the submitted work, then stops the workers (see the class comment for why this
     * differs from Python's {@code close()} and {@code with}). If interrupted, terminates the pool instead.
     */
    @Override
    public void close() {
        engine.checkNotOwnThread();
        LibraryLog.event(System.Logger.Level.DEBUG, "closing pool");
        engine.close();
        try {
            engine.join(Deadline.FOREVER);
        } catch (InterruptedException e) {
            terminate();
            Thread.currentThread().interrupt();
        }
    }

    /** Python's {@code close()}: no new work; the workers exit once the submitted work is done. Returns at once. */
    @Override
    public void shutdown() {
        LibraryLog.event(System.Logger.Level.DEBUG, "closing pool");
        engine.close();
    }

    /**
     * Python's {@code terminate()}: stops the workers now. Unlike Python, calls still pending fail with a
     * {@link CancellationException} instead of waiting forever.
     */
    public void terminate() {
        LibraryLog.event(System.Logger.Level.DEBUG, "terminating pool");
        engine.terminate();
        try {
            engine.join(Deadline.FOREVER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As {@link #terminate()}; tasks are never held back from the workers, so the list is empty. */
    @Override
    public List<Runnable> shutdownNow() {
        terminate();
        return List.of();
    }

    /** Python's {@code join()}: waits for the workers to exit, after {@link #shutdown()} or {@link #terminate()}. */
    public void join() throws InterruptedException {
        if (!engine.isClosed()) {
            throw new IllegalStateException("the pool is still running: call close() or terminate() before join()");
        }
        LibraryLog.event(System.Logger.Level.DEBUG, "joining pool");
        engine.join(Deadline.FOREVER);
    }

    @Override
    public boolean isShutdown() {
        return engine.isClosed();
    }

    @Override
    public boolean isTerminated() {
        return engine.isClosed() && engine.allStopped();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return engine.join(Deadline.deadlineAfter(unit.toNanos(timeout))); // negative: no limit, as before
    }

    // ---- ExecutorService -------------------------------------------------------------------------------

    /**
     * Runs {@code task} in a worker: {@code pool.submit(() -> slowSquare(7))} (a lambda typed as a plain
     * {@link Callable} is not serializable; this overload makes the lambda a serializable {@link Func0}).
     */
    public <T> Future<T> submit(Func0<T> task) {
        return super.submit(task);
    }

    /** Runs a serializable Runnable in a worker; an exception it throws is printed, as by a thread pool. */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        if (command instanceof RemoteTask<?> task) {
            task.dispatch();
        } else {
            single(command).onError(error -> {
                System.err.println("Exception in a task run by Pool.execute:");
                error.printStackTrace();
            });
        }
    }

    /** {@code submit}, {@code invokeAll} and {@code invokeAny} run their (serializable) tasks in the workers. */
    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new RemoteTask<>(callable);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new RemoteTask<>(runnable, value);
    }

    /** Runs the tasks in the workers and returns the first result that succeeds; cancels the others. */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, -1, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no timeout was given", e);
        }
    }

    /** As {@link #invokeAny(Collection)}, waiting at most the timeout (a negative one waits without limit). */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task");
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<RemoteTask<T>> pending = new ArrayList<>();
        try {
            for (Callable<T> task : tasks) {
                RemoteTask<T> remote = new RemoteTask<>(task);
                remote.dispatch();
                pending.add(remote);
            }
            ExecutionException failure = null;
            while (!pending.isEmpty()) {
                CompletableFuture<Object> first = CompletableFuture.anyOf(pending.stream().map(t -> t.done).toArray(CompletableFuture[]::new));
                try {
                    if (timeout < 0) {
                        first.get();
                    } else {
                        first.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    }
                } catch (ExecutionException e) {
                    // One of them failed: look at each below.
                }
                for (RemoteTask<T> task : new ArrayList<>(pending)) {
                    if (task.isDone()) {
                        pending.remove(task);
                        try {
                            return task.get();
                        } catch (ExecutionException e) {
                            failure = e;
                        }
                    }
                }
            }
            throw failure;
        } finally {
            pending.forEach(task -> task.cancel(true));
        }
    }

    /** A task of {@code submit}: its future completes when a worker has run it. */
    private final class RemoteTask<T> implements RunnableFuture<T> {
        private final Object task;
        private final T value;
        private volatile AsyncResult<T> result;
        private final CompletableFuture<T> done = new CompletableFuture<>();

        RemoteTask(Object task, T value) {
            this.task = task;
            this.value = value;
        }

        RemoteTask(Callable<T> task) {
            this(task, null);
        }

        void dispatch() {
            AsyncResult<T> started = single(task);
            result = started;
            started.toCompletableFuture().whenComplete((v, error) -> {
                if (error != null) {
                    done.completeExceptionally(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error);
                } else {
                    done.complete(task instanceof Runnable && !(task instanceof Callable) ? value : v);
                }
            });
        }

        /** Running a pool task means handing it to the pool. */
        @Override
        public void run() {
            dispatch();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = done.cancel(mayInterruptIfRunning);
            AsyncResult<T> started = result;
            if (cancelled && started != null) {
                started.cancel();
            }
            return cancelled;
        }

        @Override
        public boolean isCancelled() {
            return done.isCancelled();
        }

        @Override
        public boolean isDone() {
            return done.isDone();
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            return done.get();
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return done.get(timeout, unit);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static int checked(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, got " + chunksize);
        }
        return chunksize;
    }

    /** Python's default: {@code ceil(n / (4 * processes))}, at least 1. */
    private int defaultChunksize(int n) {
        return Math.max(1, (n + 4 * processes() - 1) / (4 * processes()));
    }

    private static List<?> toList(Iterable<?> items) {
        Objects.requireNonNull(items, "items");
        if (items instanceof List<?> list) {
            return list;
        }
        List<Object> list = new ArrayList<>();
        if (items instanceof Collection<?> c) {
            list.addAll(c);
        } else {
            items.forEach(list::add);
        }
        return list;
    }

    /**
     * What the caller gets for a failure: unchecked exceptions as they are, checked ones and Errors wrapped in
     * a {@link TaskFailedException}. Exceptions made in a worker or a pool thread get the caller's stack trace
     * (the worker's is in their {@link RemoteTraceback} cause).
     */
    static RuntimeException forCaller(Throwable failure) {
        if (failure instanceof CancellationException c) {
            return c;
        }
        if (cameFromPool(failure)) {
            failure.setStackTrace(callerFrames());
        }
        if (failure instanceof RuntimeException e) {
            return e;
        }
        TaskFailedException wrapped = new TaskFailedException("the task failed with " + failure, failure);
        wrapped.setStackTrace(callerFrames());
        return wrapped;
    }

    private static boolean cameFromPool(Throwable failure) {
        if (failure instanceof WorkerDiedException) {
            return true;
        }
        for (Throwable c = failure.getCause(); c != null && c != failure; c = c.getCause()) {
            if (c instanceof RemoteTraceback) {
                return true;
            }
        }
        return Arrays.stream(failure.getSuppressed()).anyMatch(RemoteTraceback.class::isInstance);
    }

    private static StackTraceElement[] callerFrames() {
        StackTraceElement[] frames = new Throwable().getStackTrace();
        int first = 0;
        while (first < frames.length && frames[first].getClassName().startsWith(Pool.class.getPackageName() + ".")) {
            first++;
        }
        return Arrays.copyOfRange(frames, first, frames.length);
    }

    @Override
    public String toString() {
        return "<Pool processes=" + processes() + (isTerminated() ? " terminated" : isShutdown() ? " closed" : " running") + ">";
    }
}
