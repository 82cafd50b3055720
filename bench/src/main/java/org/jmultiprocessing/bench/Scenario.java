package org.jmultiprocessing.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One thing measured, for kernel-lib (or kernel-cluster) in one or more configurations and for each peer under
 * the same {@code id} in its script: bench/cpython/mp_bench.py for CPython, ray_bench.py for Ray.
 *
 * @param runs samples per implementation and round unless the command line sets another count
 * @param kernelLib our configurations; the peers' rows are compared with the first
 * @param peers the peers whose script has this scenario
 */
record Scenario(String id, String title, String chartLabel, String unit, boolean higherIsBetter, int runs,
        List<Configuration> kernelLib, Set<Peer> peers) {

    /** A scenario that only CPython measures beside us. */
    Scenario(String id, String title, String chartLabel, String unit, boolean higherIsBetter, int runs,
            List<Configuration> kernelLib) {
        this(id, title, chartLabel, unit, higherIsBetter, runs, kernelLib, EnumSet.of(Peer.CPYTHON));
    }

    /** This scenario measured by Ray's Pool too, with {@code more} of our configurations after the present ones. */
    Scenario besideRay(Configuration... more) {
        List<Configuration> ours = new ArrayList<>(kernelLib);
        ours.addAll(List.of(more));
        Set<Peer> all = EnumSet.copyOf(peers);
        all.add(Peer.RAY);
        return new Scenario(id, title, chartLabel, unit, higherIsBetter, runs, List.copyOf(ours), all);
    }

    /** Measures {@code runs} samples; a run's own warm-up is not among them. */
    interface Measurement {
        List<Sample> measure(int runs) throws Exception;
    }

    /**
     * Ours measured in one configuration.
     *
     * @param name empty for the only configuration of a scenario, else what sets it apart ("cold")
     * @param target the target in the scenario's unit, or null if this configuration has none
     * @param product the module measured: "kernel-lib" or "kernel-cluster"
     * @param aheadOf the peer this configuration's target is to beat, or null
     */
    record Configuration(String name, Double target, boolean readyStandby, Measurement measurement, String product,
            Peer aheadOf) {

        /** A kernel-lib configuration. */
        Configuration(String name, Double target, boolean readyStandby, Measurement measurement) {
            this(name, target, readyStandby, measurement, "kernel-lib", null);
        }

        String label() {
            return name.isEmpty() ? product : product + " " + name;
        }
    }

    /** "≤ 13 standby, ≤ 50 cold", or "≥ 15" for a scenario measured in one configuration. */
    String targets() {
        return kernelLib.stream().filter(c -> c.target() != null).map(c -> (higherIsBetter ? "≥ " : "≤ ")
                + BigDecimal.valueOf(c.target()).stripTrailingZeros().toPlainString() + (c.name().isEmpty() ? "" : " " + c.name()))
                .collect(Collectors.joining(", "));
    }

    String betterWhen() {
        return higherIsBetter ? "higher is better" : "lower is better";
    }
}
