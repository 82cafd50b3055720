package org.jmultiprocessing.cluster.internal.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.StreamCall;

/**
 * A call over an input read lazily ({@code imap}, {@code imapUnordered}), as kernel-lib's local pool does it:
 * the consumer's thread reads the input and ships chunks, at most {@code window} of them submitted but not
 * yet consumed; a failed chunk raises its error at its position and iteration can go on after it. Outcomes
 * are kept by chunk index, so a chunk that ran again never counts twice.
 */
final class StreamClusterCall extends ClusterCall implements StreamCall {
    private final Iterator<?> input;
    private final int chunkSize;
    private final boolean ordered;
    private final int window;
    private final Map<Integer, Object> done = new HashMap<>();
    private final java.util.Set<Integer> completedIndexes = new java.util.HashSet<>();
    private final ArrayDeque<Object> doneInOrderOfCompletion = new ArrayDeque<>();

    private int submitted;
    private long itemsRead;
    private int completed;
    private int consumed;
    private boolean inputEnded;
    private boolean feedingStopped;
    private String cancelled;
    private Object[] current;
    private int position;

    StreamClusterCall(ClusterPool pool, Object function, boolean starred, Iterator<?> input, int chunkSize, boolean ordered) {
        super(pool, function, starred, ordered ? "imap" : "imapUnordered");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, got " + chunkSize);
        }
        this.input = input;
        this.chunkSize = chunkSize;
        this.ordered = ordered;
        this.window = 4 * pool.processes();
        pool.register(this);
        feed();
    }

    @Override
    public Object next(long deadline) throws InterruptedException, TimeoutException, Throwable {
        while (true) {
            if (current != null && position < current.length) {
                return current[position++];
            }
            current = null;
            feed();
            Object outcome;
            synchronized (this) {
                outcome = ordered ? done.remove(consumed) : doneInOrderOfCompletion.poll();
                if (outcome == null) {
                    if (cancelled != null) {
                        throw new CancellationException(cancelled);
                    }
                    if (consumed == submitted && (inputEnded || feedingStopped)) {
                        if (!inputEnded) {
                            throw new IllegalStateException("the pool was closed before this imap had submitted all its"
                                    + " input; iterate the results before closing the pool");
                        }
                        return END;
                    }
                    if (Deadline.hasPassed(deadline)) {
                        throw new TimeoutException("no result within the timeout");
                    }
                    awaitChange(deadline == Deadline.FOREVER ? -1 : deadline - System.nanoTime());
                    continue;
                }
                consumed++;
            }
            if (outcome instanceof Throwable error) {
                throw error;
            }
            current = (Object[]) outcome;
            position = 0;
        }
    }

    /** Waits for a chunk; a kernel whose interrupt stops the thread aborts the wait with an Error: the call is cancelled. */
    private void awaitChange(long timeoutNanos) throws InterruptedException {
        try {
            if (timeoutNanos < 0) {
                wait();
            } else {
                TimeUnit.NANOSECONDS.timedWait(this, timeoutNanos);
            }
        } catch (Error e) {
            cancel("the iterating thread was stopped");
            throw e;
        }
    }

    /** Ships chunks until the window is full or the input ends; runs in the consumer's thread. */
    private void feed() {
        while (true) {
            int index;
            synchronized (this) {
                if (inputEnded || feedingStopped || cancelled != null || submitted - consumed >= window) {
                    return;
                }
                index = submitted;
            }
            List<Object> items = new ArrayList<>(chunkSize);
            Throwable inputError = null;
            try {
                while (items.size() < chunkSize && input.hasNext()) {
                    items.add(input.next());
                }
            } catch (RuntimeException e) {
                inputError = e;
            }
            boolean last = inputError != null || !input.hasNext();
            if (items.isEmpty() && inputError == null) {
                endInput();
                return;
            }
            ChunkTask chunk = null;
            if (inputError == null) {
                try {
                    chunk = ChunkTask.ship(this, index, items.toArray(), index * chunkSize);
                } catch (RuntimeException e) {
                    inputError = e;
                }
            }
            synchronized (this) {
                submitted++;
                itemsRead += items.size();
            }
            if (chunk != null) {
                pool.enqueue(chunk);
            } else {
                complete(index, 0, inputError);
            }
            if (last) {
                endInput();
                return;
            }
        }
    }

    private void endInput() {
        synchronized (this) {
            inputEnded = true;
            progress.inputEnded(itemsRead);
            notifyAll();
        }
        finishIfDone();
    }

    /** The pool was closed: what was submitted completes, nothing more is read. */
    void stopFeeding() {
        synchronized (this) {
            feedingStopped = true;
            notifyAll();
        }
        finishIfDone();
    }

    private void finishIfDone() {
        boolean finished;
        synchronized (this) {
            finished = cancelled == null && completed == submitted && (inputEnded || feedingStopped);
        }
        if (finished) {
            pool.finished(this);
        }
    }

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    synchronized boolean isAbandoned() {
        return cancelled != null;
    }

    @Override
    void succeeded(ChunkTask chunk, Object[] results) {
        complete(chunk.index, chunk.size, results);
    }

    @Override
    void failed(ChunkTask chunk, Throwable error) {
        complete(chunk.index, chunk.size, error);
    }

    private void complete(int index, int size, Object outcome) {
        synchronized (this) {
            if (cancelled != null || !completedIndexes.add(index)) {
                return;
            }
            completed++;
            // An input error comes as a chunk of no items: it still counts as one failure.
            progress.chunkEnded(Math.max(1, size), !(outcome instanceof Throwable));
            if (ordered) {
                done.put(index, outcome);
            } else {
                doneInOrderOfCompletion.add(outcome);
            }
            notifyAll();
        }
        finishIfDone();
    }

    @Override
    public void cancel(String reason) {
        synchronized (this) {
            if (cancelled != null) {
                return;
            }
            cancelled = reason;
            notifyAll();
        }
        pool.finished(this);
        interruptRunning();
    }
}
