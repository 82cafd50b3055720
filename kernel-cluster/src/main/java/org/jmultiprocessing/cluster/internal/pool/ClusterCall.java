package org.jmultiprocessing.cluster.internal.pool;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jmultiprocessing.cluster.internal.client.NotebookSession;
import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.spi.JobProgress;
import org.jmultiprocessing.spi.PoolCall;

/** One call on a {@link ClusterPool} ({@code map}, {@code imap}, {@code apply}, ...) and its chunks on members. */
abstract class ClusterCall implements PoolCall {
    final ClusterPool pool;
    final Object function;
    final boolean starred;
    final JobProgress progress;
    private final ClassLoader loader;
    /** Chunks now on members, to cancel with the call. */
    final Set<ChunkTask> running = ConcurrentHashMap.newKeySet();

    ClusterCall(ClusterPool pool, Object function, boolean starred, String call) {
        pool.checkAccepting();
        this.pool = pool;
        this.function = function;
        this.starred = starred;
        this.progress = new JobProgress(call);
        this.loader = function.getClass().getClassLoader();
    }

    @Override
    public JobProgress progress() {
        return progress;
    }

    /** True once the caller no longer wants this call's remaining chunks (failed, cancelled, terminated). */
    abstract boolean isAbandoned();

    abstract void succeeded(ChunkTask chunk, Object[] results);

    abstract void failed(ChunkTask chunk, Throwable error);

    /** Reads results with the loader of the caller's function, which knows the notebook's classes. */
    Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        ClassLoader resolving = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        return Deserialization.read(bytes, 0, bytes.length, resolving);
    }

    /** Asks the members running this call's chunks to interrupt them. */
    void interruptRunning() {
        for (ChunkTask chunk : running) {
            NotebookSession.Submitted submitted = chunk.running;
            if (submitted != null) {
                submitted.cancel();
            }
        }
    }
}
