package org.jmultiprocessing.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One implementation's samples of one scenario.
 *
 * @param kernelLib whether the row is ours (kernel-lib or kernel-cluster), not a peer's
 * @param target for a row of ours, its target in the scenario's unit, or null if it has none
 * @param peer for a peer's row, whose it is; null for ours
 * @param aheadOf for a row of ours, the peer whose row it is to beat; else null
 */
record Row(String implementation, boolean kernelLib, Double target, List<Sample> samples, Peer peer, Peer aheadOf) {

    /** A kernel-lib row ({@code kernelLib}) with its numeric target, or a CPython row. */
    Row(String implementation, boolean kernelLib, Double target, List<Sample> samples) {
        this(implementation, kernelLib, target, samples, kernelLib ? null : Peer.CPYTHON, null);
    }

    double median() {
        return median(samples.stream().map(Sample::value).toList());
    }

    double min() {
        return samples.stream().mapToDouble(Sample::value).min().orElseThrow();
    }

    double max() {
        return samples.stream().mapToDouble(Sample::value).max().orElseThrow();
    }

    /** The median of each timed part the samples were derived from; empty if they have none. */
    Map<String, Double> medianSeconds() {
        Map<String, Double> medians = new LinkedHashMap<>();
        samples.get(0).seconds().keySet().forEach(part ->
                medians.put(part, median(samples.stream().map(s -> s.seconds().get(part)).toList())));
        return medians;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
