package org.jmultiprocessing.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing measured, for kernel-lib in one or more configurations and for CPython under the same {@code id}
 * in bench/cpython/mp_bench.py.
 *
 * @param runs samples per implementation and round unless the command line sets another count
 * @param kernelLib kernel-lib's configurations; the CPython rows are compared with the first
 */
record Scenario(String id, String title, String chartLabel, String unit, boolean higherIsBetter, int runs,
        List<Configuration> kernelLib) {

    /** Measures {@code runs} samples; a run's own warm-up is not among them. */
    interface Measurement {
        List<Sample> measure(int runs) throws Exception;
    }

    /**
     * kernel-lib measured in one configuration.
     *
     * @param name empty for the only configuration of a scenario, else what sets it apart ("cold")
     * @param target the target in the scenario's unit, or null if this configuration has none
     */
    record Configuration(String name, Double target, boolean readyStandby, Measurement measurement) {
        String label() {
            return name.isEmpty() ? "kernel-lib" : "kernel-lib " + name;
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
