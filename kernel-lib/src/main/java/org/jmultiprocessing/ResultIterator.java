package org.jmultiprocessing;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jmultiprocessing.internal.display.ProgressBar;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.StreamCall;

/**
 * The results of {@link Pool#imap} and {@link Pool#imapUnordered}: an iterator (usable once in a for-each
 * loop) that reads the input lazily, with a bounded read-ahead. A task's exception is thrown by the
 * {@link #next()} call for its position, as in Python; iteration may go on after it.
 *
 * <p>Interrupting the iterating thread cancels the remaining work (busy workers are replaced) and throws a
 * {@link CancellationException} with the interrupt flag set.
 */
public final class ResultIterator<R> implements Iterator<R>, Iterable<R> {
    private final StreamCall job;
    private Object lookahead;
    private boolean hasLookahead;
    private ProgressBar progressBar;

    ResultIterator(StreamCall job) {
        this.job = job;
        this.progressBar = Progress.automatic(job);
    }

    StreamCall job() {
        return job;
    }

    /** Attaches a bar from {@code opener} unless the call has one (under {@link Progress#on()}). */
    void showProgress(Supplier<ProgressBar> opener) {
        if (progressBar == null) {
            progressBar = opener.get();
        }
    }

    ProgressBar progressBar() {
        return progressBar;
    }

    @Override
    public Iterator<R> iterator() {
        return this;
    }

    @Override
    public boolean hasNext() {
        if (!hasLookahead) {
            lookahead = take(Deadline.FOREVER);
            hasLookahead = true;
            endProgressAtEnd();
        }
        return lookahead != StreamCall.END;
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more results");
        }
        return consumeLookahead();
    }

    /** Python's {@code next(timeout)}: the next result, waiting at most {@code timeout} for it. */
    public R next(Duration timeout) throws TimeoutException {
        if (!hasLookahead) {
            lookahead = takeWithin(timeout);
            hasLookahead = true;
            endProgressAtEnd();
        }
        if (lookahead == StreamCall.END) {
            throw new NoSuchElementException("no more results");
        }
        return consumeLookahead();
    }

    /** Stops the work not yet done: queued tasks are dropped and busy workers replaced. */
    public void cancel() {
        job.cancel("the iteration was cancelled");
    }

    /** The last result is in: the bar's final state is drawn while the iterating cell still runs. */
    private void endProgressAtEnd() {
        if (lookahead == StreamCall.END && progressBar != null) {
            progressBar.complete();
        }
    }

    @SuppressWarnings("unchecked")
    private R consumeLookahead() {
        hasLookahead = false;
        R value = (R) lookahead;
        lookahead = null;
        return value;
    }

    private Object takeWithin(Duration timeout) throws TimeoutException {
        try {
            return job.next(Deadline.deadlineAfter(timeout.isNegative() ? Duration.ZERO : timeout));
        } catch (TimeoutException e) {
            throw e;
        } catch (InterruptedException e) {
            throw interrupted();
        } catch (Throwable t) {
            throw Pool.forCaller(t);
        }
    }

    private Object take(long deadline) {
        try {
            return job.next(deadline);
        } catch (InterruptedException e) {
            throw interrupted();
        } catch (Throwable t) {
            throw Pool.forCaller(t);
        }
    }

    private CancellationException interrupted() {
        job.cancel("the iterating thread was interrupted");
        Thread.currentThread().interrupt();
        return new CancellationException("interrupted while iterating: the remaining work was cancelled and busy workers replaced");
    }
}
