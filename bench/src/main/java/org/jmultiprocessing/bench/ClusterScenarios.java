package org.jmultiprocessing.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.jmultiprocessing.Context;
import org.jmultiprocessing.cluster.Cluster;

/**
 * kernel-cluster's side of the pool scenarios and of the cluster start, on a local cluster of three member
 * JVMs ({@code Cluster.startLocal(3)}). Ray's side is ray_bench.py, whose every call starts its own local Ray
 * cluster; so does every measurement here, and stops it before the peers are measured, which keeps idle
 * members from taking CPU from them.
 */
final class ClusterScenarios {
    static final int MEMBERS = 3;

    private ClusterScenarios() {
    }

    /** A measurement made on a cluster's context, as kernel-lib's is made on the local one. */
    interface OnCluster {
        Scenario.Measurement on(Context cluster);
    }

    /** The kernel-cluster configuration of a pool scenario: its target is to be ahead of Ray's Pool. */
    static Scenario.Configuration configuration(OnCluster measurement) {
        return new Scenario.Configuration("", null, false, runs -> {
            try (Cluster cluster = Cluster.startLocal(MEMBERS)) {
                return measurement.on(cluster.context()).measure(runs);
            }
        }, "kernel-cluster", Peer.RAY);
    }

    /** Cluster.startLocal(3) beside Ray's ray.init(num_cpus=2). */
    static Scenario startScenario() {
        return new Scenario("cluster-start", "Local cluster start: 3 members; Ray: ray.init(num_cpus=2)", "Cluster start",
                "s", false, 1, List.of(new Scenario.Configuration("", null, false, ClusterScenarios::start, "kernel-cluster",
                        Peer.RAY)), EnumSet.of(Peer.RAY));
    }

    /**
     * Seconds for {@code Cluster.startLocal(3)} to return: three member JVMs started, joined into one cluster,
     * and this JVM connected to it. Each start is a fresh one, as a notebook's is; the stop is not timed.
     */
    static List<Sample> start(int runs) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Thread.sleep(KernelLibScenarios.START_PAUSE_MILLIS);
            long start = System.nanoTime();
            Cluster cluster = Cluster.startLocal(MEMBERS);
            double seconds = KernelLibScenarios.secondsSince(start);
            cluster.close();
            samples.add(Sample.of(seconds));
        }
        return samples;
    }
}
