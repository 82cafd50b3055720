package org.jmultiprocessing.cluster.internal.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.jmultiprocessing.spi.ListCall;

/**
 * A call whose items are all known ({@code map}, {@code starmap}, {@code apply}): every chunk is queued at
 * once and the results fill one array by chunk index, so a chunk that ran again never counts twice. The first
 * failure completes the call, as in Python.
 */
final class ListClusterCall extends ClusterCall implements ListCall {
    private final CompletableFuture<Object> future = new CompletableFuture<>();
    private final Object[] results;
    private final int chunkSize;
    private final boolean single;
    private final boolean[] done;
    private int remaining;

    private ListClusterCall(ClusterPool pool, Object function, boolean starred, int size, int chunkSize, boolean single) {
        super(pool, function, starred, single ? "apply" : starred ? "starmap" : "map");
        this.results = new Object[size];
        this.chunkSize = chunkSize;
        this.single = single;
        this.done = new boolean[(size + chunkSize - 1) / chunkSize];
    }

    static ListClusterCall submit(ClusterPool pool, Object function, boolean starred, List<?> items, int chunkSize,
                                  boolean single) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, got " + chunkSize);
        }
        ListClusterCall call = new ListClusterCall(pool, function, starred, items.size(), chunkSize, single);
        Object[] all = items.toArray();
        List<ChunkTask> chunks = new ArrayList<>();
        for (int start = 0, index = 0; start < all.length; start += chunkSize, index++) {
            Object[] part = Arrays.copyOfRange(all, start, Math.min(all.length, start + chunkSize));
            chunks.add(ChunkTask.ship(call, index, part, single ? -1 : start));
        }
        call.remaining = chunks.size();
        call.progress.total(items.size());
        if (chunks.isEmpty()) {
            call.progress.finish();
            call.future.complete(new ArrayList<>());
            return call;
        }
        pool.register(call);
        chunks.forEach(pool::enqueue);
        return call;
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
    synchronized void succeeded(ChunkTask chunk, Object[] values) {
        if (future.isDone() || done[chunk.index]) {
            return;
        }
        done[chunk.index] = true;
        progress.chunkEnded(values.length, true);
        System.arraycopy(values, 0, results, chunk.index * chunkSize, values.length);
        if (--remaining == 0) {
            future.complete(single ? results[0] : new ArrayList<>(Arrays.asList(results)));
            pool.finished(this);
        }
    }

    @Override
    void failed(ChunkTask chunk, Throwable error) {
        synchronized (this) {
            if (!future.isDone()) {
                progress.chunkEnded(chunk.size, false);
            }
        }
        if (future.completeExceptionally(error)) {
            pool.finished(this);
            interruptRunning();
        }
    }

    @Override
    public void cancel(String reason) {
        if (future.completeExceptionally(new CancellationException(reason))) {
            pool.finished(this);
            interruptRunning();
        }
    }
}
