package org.jmultiprocessing.cluster;

import java.util.function.Supplier;

import org.jmultiprocessing.Context;

/** The cluster context kernel-lib's behaviour suite runs on here (see {@code BothContexts}): a new session each time. */
public final class ClusterContextSupplier implements Supplier<Context> {
    @Override
    public Context get() {
        return EmbeddedCluster.get().newContext();
    }
}
