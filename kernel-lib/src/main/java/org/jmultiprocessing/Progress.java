package org.jmultiprocessing;

import org.jmultiprocessing.internal.display.ProgressBar;
import org.jmultiprocessing.spi.PoolCall;

/**
 * A live progress bar for pool work, as Python's tqdm gives: items done of the total, rate, elapsed and
 * remaining time, failures and what each worker is doing.
 *
 * <pre>{@code
 * List<Integer> squares = Progress.of(pool.mapAsync((Integer x) -> slowSquare(x), xs)).get();
 * for (int s : Progress.of(pool.imap((Integer x) -> slowSquare(x), xs))) { ... }
 * Progress.on();   // from now on every map, starmap, imap and imapUnordered call shows one
 * }</pre>
 *
 * In a Jupyter kernel (JJava or IJava, found at run time) the bar is one display in the cell, updated in
 * place at most ten times a second; its final state is drawn before the result is handed over, so the saved
 * notebook keeps it. On a terminal it is one line rewritten with {@code \r}; when output is not a terminal
 * (plain JShell, a pipe) nothing is printed. Off by default, as in Python.
 */
public final class Progress {
    private static volatile boolean on;

    private Progress() {
    }

    /**
     * Shows a bar for the call behind {@code result} ({@code mapAsync}, {@code starmapAsync}, {@code applyAsync});
     * returns {@code result}. A call that has a bar already (under {@link #on()}) keeps that one.
     */
    public static <T> AsyncResult<T> of(AsyncResult<T> result) {
        result.showProgress(() -> ProgressBar.open(result.job().progress()));
        return result;
    }

    /** Shows a bar for the call behind {@code results} ({@code imap}, {@code imapUnordered}); returns {@code results}. */
    public static <R> ResultIterator<R> of(ResultIterator<R> results) {
        results.showProgress(() -> ProgressBar.open(results.job().progress()));
        return results;
    }

    /** Every {@code map}, {@code starmap}, {@code imap} and {@code imapUnordered} call from now on shows a bar (and their async forms). */
    public static void on() {
        on = true;
    }

    /** Back to the default: bars only where {@link #of} asks for them. */
    public static void off() {
        on = false;
    }

    public static boolean isOn() {
        return on;
    }

    /** The bar a new call gets without asking: one when {@link #on()} is in force and the call is over many items. */
    static ProgressBar automatic(PoolCall job) {
        return on && job.isBatch() ? ProgressBar.open(job.progress()) : null;
    }
}
