package org.jmultiprocessing.cluster.internal.shared;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import com.hazelcast.core.HazelcastException;

/**
 * Hazelcast calls as the shared objects make them. An interrupt must not cut a call short: the cluster may
 * already have applied it (a permit taken, an item polled) while the caller would think it had not. So an
 * entry processor's call is waited for uninterruptibly, and an interrupt ends a wait only between calls
 * ({@link Changes}).
 */
public final class Calls {
    private Calls() {
    }

    /** Waits for {@code call} to complete, whatever interrupts come; its failure is rethrown as it was. */
    public static <T> T await(CompletionStage<T> call) {
        try {
            return call.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new HazelcastException(e.getCause());
        }
    }

    /**
     * The {@link CancellationException} for a Hazelcast call that an interrupt ended, else null: such a call
     * changes nothing that would be lost (a read, or a poll that found nothing).
     */
    static CancellationException interruption(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new CancellationException("interrupted while waiting");
            }
        }
        return null;
    }
}
