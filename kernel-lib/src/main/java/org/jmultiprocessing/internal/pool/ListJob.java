package org.jmultiprocessing.internal.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.jmultiprocessing.spi.ListCall;

/**
 * A job whose items are all known when it is submitted ({@code map}, {@code starmap}, {@code apply}): every
 * chunk is queued at once and the results fill one array. The first failure completes the job, as in Python.
 */
final class ListJob extends Job implements ListCall {
    private final CompletableFuture<Object> future = new CompletableFuture<>();
    private final Object[] results;
    private final int chunkSize;
    private final boolean single;
    private int remaining;

    private ListJob(PoolEngine pool, Object function, boolean starred, int size, int chunkSize, boolean single) {
        super(pool, function, starred, single ? "apply" : starred ? "starmap" : "map");
        this.results = new Object[size];
        this.chunkSize = chunkSize;
        this.single = single;
    }

    /**
     * Encodes and queues the items of a map. The future completes with a mutable {@code List} of the
     * results in order, or with the single result when {@code single} (apply).
     *
     * @param items for a starred job, each item is an {@code Object[]} of arguments
     */
    static ListJob submit(PoolEngine pool, Object function, boolean starred, List<?> items, int chunkSize,
                                 boolean single) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, got " + chunkSize);
        }
        ListJob job = new ListJob(pool, function, starred, items.size(), chunkSize, single);
        Object[] all = items.toArray();
        List<Chunk> chunks = new ArrayList<>();
        for (int start = 0, index = 0; start < all.length; start += chunkSize, index++) {
            Object[] part = Arrays.copyOfRange(all, start, Math.min(all.length, start + chunkSize));
            chunks.add(Chunk.encode(job, index, part, single ? -1 : start));
        }
        job.remaining = chunks.size();
        job.progress.total(items.size());
        if (chunks.isEmpty()) {
            job.progress.finish();
            job.future.complete(new ArrayList<>());
            return job;
        }
        pool.register(job);
        chunks.forEach(pool::enqueue);
        return job;
    }

    @Override
    public CompletableFuture<Object> future() {
        return future;
    }

    @Override
    public boolean isBatch() {
        return !single;
    }

    @Override
    boolean isAbandoned() {
        return future.isDone();
    }

    @Override
    synchronized void succeeded(Chunk chunk, Object[] values) {
        if (future.isDone()) {
            return;
        }
        progress.chunkEnded(values.length, true);
        System.arraycopy(values, 0, results, chunk.index() * chunkSize, values.length);
        if (--remaining == 0) {
            pool.finished(this); // first: a caller woken by the result sees the progress finished
            future.complete(single ? results[0] : new ArrayList<>(Arrays.asList(results)));
        }
    }

    @Override
    void failed(Chunk chunk, Throwable error) {
        if (!future.isDone()) {
            progress.chunkEnded(chunk.size(), false);
        }
        if (future.completeExceptionally(error)) {
            pool.finished(this);
        }
    }

    @Override
    public void cancel(String reason) {
        if (future.completeExceptionally(new CancellationException(reason))) {
            pool.finished(this);
            pool.abandon(this);
        }
    }
}
