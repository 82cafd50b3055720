package org.jmultiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jmultiprocessing.internal.display.ProgressBar;
import org.jmultiprocessing.spi.PoolCall;

/**
 * Python's {@code AsyncResult}: the pending result of {@link Pool#applyAsync}, {@link Pool#mapAsync} or
 * {@link Pool#starmapAsync}.
 *
 * <p>{@link #get()} rethrows a task's exception as {@link Pool} describes. Interrupting the thread that waits
 * in {@code get} or {@code await} (a notebook's interrupt button) cancels the call: its queued tasks are
 * dropped and workers busy with it are replaced, then a {@link CancellationException} is thrown with the
 * thread's interrupt flag set.
 */
public final class AsyncResult<T> {
    /** Completes after the callbacks registered by then have run: as in Python, they run before ready(). */
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final List<BiConsumer<T, Throwable>> callbacks = new ArrayList<>();
    private final PoolCall job;
    private boolean settled;
    private ProgressBar progressBar;

    AsyncResult(CompletableFuture<T> outcome, PoolCall job) {
        this.job = job;
        this.progressBar = Progress.automatic(job);
        outcome.whenComplete(this::settle);
    }

    private void settle(T value, Throwable error) {
        List<BiConsumer<T, Throwable>> toRun;
        ProgressBar bar;
        synchronized (this) {
            settled = true;
            toRun = new ArrayList<>(callbacks);
            callbacks.clear();
            bar = progressBar;
        }
        if (bar != null) {
            // Before the result is handed over: the cell waiting for it must still be running to show it.
            bar.complete();
        }
        toRun.forEach(callback -> callback.accept(value, error));
        if (error == null) {
            future.complete(value);
        } else {
            future.completeExceptionally(error);
        }
    }

    private void whenSettled(BiConsumer<T, Throwable> callback) {
        synchronized (this) {
            if (!settled) {
                callbacks.add(callback);
                return;
            }
        }
        future.whenComplete(callback);
    }

    PoolCall job() {
        return job;
    }

    /**
     * Attaches a bar from {@code opener} unless the call has one; a call already settled gets its final
     * state drawn at once.
     */
    void showProgress(Supplier<ProgressBar> opener) {
        ProgressBar bar;
        synchronized (this) {
            if (progressBar != null) {
                return;
            }
            bar = opener.get();
            if (!settled) {
                progressBar = bar;
                return;
            }
        }
        bar.complete();
    }

    ProgressBar progressBar() {
        return progressBar;
    }

    /** Waits for the result; rethrows the task's exception. */
    public T get() {
        try {
            return future.get();
        } catch (InterruptedException e) {
            throw interrupted();
        } catch (ExecutionException e) {
            throw Pool.forCaller(e.getCause());
        } catch (Error e) {
            throw stopped(e);
        }
    }

    /** Waits at most {@code timeout}: Python's {@code get(timeout)}; the call goes on running after a timeout. */
    public T get(Duration timeout) throws TimeoutException {
        try {
            return future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw interrupted();
        } catch (ExecutionException e) {
            throw Pool.forCaller(e.getCause());
        } catch (TimeoutException e) {
            throw new TimeoutException("the result was not ready within " + timeout);
        } catch (Error e) {
            throw stopped(e);
        }
    }

    /** Python's {@code wait()}: waits until the result is ready, without returning it. */
    public void await() {
        try {
            future.handle((value, error) -> null).get();
        } catch (InterruptedException e) {
            throw interrupted();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // handle() never completes exceptionally
        } catch (Error e) {
            throw stopped(e);
        }
    }

    /** Python's {@code wait(timeout)}; returns whether the result is ready. */
    public boolean await(Duration timeout) {
        try {
            future.handle((value, error) -> null).get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            throw interrupted();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            return false;
        } catch (Error e) {
            throw stopped(e);
        }
    }

    /** True once the call has completed, successfully or not. */
    public boolean ready() {
        return future.isDone();
    }

    /** Whether the call completed without an exception; like Python, an error to ask before it is ready. */
    public boolean successful() {
        if (!future.isDone()) {
            throw new IllegalStateException("the result is not ready yet: call successful() after ready() is true");
        }
        return !future.isCompletedExceptionally();
    }

    /**
     * Python's {@code callback}: runs {@code action} with the result when the call succeeds (at once if it
     * already has), on a pool thread, which it should not hold up. Returns this result for chaining.
     */
    public AsyncResult<T> onSuccess(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        whenSettled((value, error) -> {
            if (error == null) {
                runCallback(() -> action.accept(value));
            }
        });
        return this;
    }

    /** Python's {@code error_callback}: runs {@code action} with the exception {@link #get()} would throw. */
    public AsyncResult<T> onError(Consumer<? super Throwable> action) {
        Objects.requireNonNull(action, "action");
        whenSettled((value, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                runCallback(() -> action.accept(cause instanceof CancellationException ? cause : Pool.forCaller(cause)));
            }
        });
        return this;
    }

    /** Cancels the call: queued tasks are dropped, busy workers replaced; {@link #get()} then throws. */
    public void cancel() {
        job.cancel("the call was cancelled");
    }

    /**
     * A {@link CompletableFuture} that completes with this result; cancelling it cancels the call. Task
     * exceptions arrive with their original type (a {@code get()} wraps them in ExecutionException as usual).
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> view = future.copy();
        view.whenComplete((value, error) -> {
            if (view.isCancelled()) {
                job.cancel("the call was cancelled through its CompletableFuture");
            }
        });
        return view;
    }

    private CancellationException interrupted() {
        job.cancel("the waiting thread was interrupted");
        Thread.currentThread().interrupt();
        return new CancellationException("interrupted while waiting: the call was cancelled and its busy workers replaced");
    }

    /**
     * A kernel whose interrupt stops the thread ({@code Thread.stop}, as JShell's local engine does on Java
     * 17) aborts the wait with an Error: the call is cancelled all the same.
     */
    private Error stopped(Error e) {
        job.cancel("the waiting thread was stopped");
        return e;
    }

    private static void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException | Error e) {
            System.err.println("Exception in a pool result callback:");
            e.printStackTrace();
        }
    }
}
