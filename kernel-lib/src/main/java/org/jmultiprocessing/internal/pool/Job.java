package org.jmultiprocessing.internal.pool;

import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.internal.ship.CodeShipment;
import java.io.IOException;
import java.util.Map;

import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.spi.JobProgress;
import org.jmultiprocessing.spi.PoolCall;

/**
 * One call on a pool ({@code map}, {@code imap}, {@code apply}, ...): its function, shipped once to worker
 * JVMs, and the chunks of its items. Worker slots report each chunk's outcome from their own threads.
 */
abstract class Job implements PoolCall {
    /** The function as the caller gave it: what a worker thread calls. */
    final Object function;
    /** The function as it travels to worker JVMs; {@code null} for a pool of threads. */
    final CodeShipment shipment;
    final boolean starred;
    final PoolEngine pool;
    private final ClassLoader loader;
    final JobProgress progress;

    /**
     * @param starred whether each item is an array of arguments (starmap, apply) rather than one argument
     * @param call    the pool method's name, as a progress bar shows it
     */
    Job(PoolEngine pool, Object function, boolean starred, String call) {
        pool.checkAccepting();
        this.progress = new JobProgress(call);
        this.pool = pool;
        this.starred = starred;
        this.loader = function.getClass().getClassLoader();
        this.function = function;
        this.shipment = pool.ships() ? shipped(function) : null;
    }

    private static CodeShipment shipped(Object function) {
        try {
            return CodeShipment.capture(function, Map.of("the function", function), PoolEngine.WORKERS);
        } catch (NotTransferableException e) {
            throw new NotTransferableException(e.getMessage()
                    + (function instanceof java.util.concurrent.Callable || function instanceof Runnable
                    ? " A plain Callable or Runnable lambda is not Serializable: pass a Func0, or cast it to"
                    + " (Callable<T> & Serializable)." : ""), e.getCause());
        }
    }

    @Override
    public JobProgress progress() {
        return progress;
    }

    /** True once the caller no longer wants this job's remaining chunks (failed, cancelled, terminated). */
    abstract boolean isAbandoned();

    abstract void succeeded(Chunk chunk, Object[] results);

    abstract void failed(Chunk chunk, Throwable error);

    /** Reads results with the loader of the caller's function, which knows the notebook's classes. */
    Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        ClassLoader resolving = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        return Deserialization.read(bytes, 0, bytes.length, resolving);
    }
}
