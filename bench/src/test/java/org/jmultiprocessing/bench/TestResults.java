package org.jmultiprocessing.bench;

import java.util.Arrays;
import java.util.List;

/** Scenario results made from given values, for tests that must not measure anything. */
final class TestResults {
    private TestResults() {
    }

    static Scenario scenario(String unit, boolean higherIsBetter, Scenario.Configuration... kernelLib) {
        return new Scenario("test", "Test scenario", "Test", unit, higherIsBetter, 1, List.of(kernelLib));
    }

    static Scenario.Configuration configuration(String name, Double target) {
        return new Scenario.Configuration(name, target, false, runs -> List.of());
    }

    static Row kernelLib(String label, Double target, double... values) {
        return new Row(label, true, target, samples(values));
    }

    static Row cpython(String method, double... values) {
        return new Row("CPython " + method, false, null, samples(values));
    }

    static List<Sample> samples(double... values) {
        return Arrays.stream(values).mapToObj(Sample::of).toList();
    }

    /** Lower is better, ms, target ≤ 10: kernel-lib at median 8, CPython fork at 4 and spawn at 40. */
    static ScenarioResult startTimes() {
        return new ScenarioResult(scenario("ms", false, configuration("", 10.0)), List.of(
                kernelLib("kernel-lib", 10.0, 7, 8, 9), cpython("fork", 4, 3, 5), cpython("spawn", 40, 38, 45)));
    }

    /** Higher is better, M/s, target ≥ 15: kernel-lib at 12, CPython fork at 3. */
    static ScenarioResult rates() {
        return new ScenarioResult(scenario("M/s", true, configuration("", 15.0)), List.of(
                kernelLib("kernel-lib", 15.0, 12, 11, 13, 12), cpython("fork", 3, 2, 4)));
    }
}
