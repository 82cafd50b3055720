package org.jmultiprocessing.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local 3-member cluster for the whole test run (members start in seconds, CPU-bound): started by the
 * first test class that uses this extension, closed when the run ends.
 */
public final class SharedCluster implements BeforeAllCallback {
    private static Cluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedCluster.class, k -> (ExtensionContext.Store.CloseableResource) SharedCluster::stop);
    }

    /** The shared cluster, started on first use. */
    public static synchronized Cluster cluster() {
        if (cluster == null) {
            cluster = Cluster.startLocal(3);
        }
        return cluster;
    }

    /** Closes the shared cluster now (the last test checks what is left after it). */
    static synchronized void stop() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
