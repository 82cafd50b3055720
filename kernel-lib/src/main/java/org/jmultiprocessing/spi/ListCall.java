package org.jmultiprocessing.spi;

import java.util.concurrent.CompletableFuture;

/** A call whose items were all known when it was submitted ({@code map}, {@code starmap}, {@code apply}). */
public interface ListCall extends PoolCall {
    /** Completes with the results, or with the first failure. */
    CompletableFuture<Object> future();
}
