package org.jmultiprocessing.cluster;

import java.util.function.Supplier;

import org.jmultiprocessing.Context;

/**
 * The cluster context kernel-lib's behaviour suite runs on here (see {@code BothContexts}): the notebook
 * session of the {@link SharedCluster}, three member JVMs, so that every entry processor and every sealed
 * item goes through a member's serialization filter.
 */
public final class ClusterContextSupplier implements Supplier<Context> {
    @Override
    public Context get() {
        return SharedCluster.cluster().context();
    }
}
