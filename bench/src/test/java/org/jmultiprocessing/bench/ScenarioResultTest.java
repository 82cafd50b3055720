package org.jmultiprocessing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioResultTest {
    @Test
    void shouldShowAnAdvantageAboveOneWhenKernelLibTakesLessTime() {
        ScenarioResult result = TestResults.startTimes();
        assertEquals(5, result.advantageOver(result.rows().get(2))); // spawn 40 ms, kernel-lib 8 ms
        assertEquals(0.5, result.advantageOver(result.rows().get(1))); // fork 4 ms
    }

    @Test
    void shouldShowAnAdvantageAboveOneWhenKernelLibHasTheHigherRate() {
        ScenarioResult result = TestResults.rates();
        assertEquals(4, result.advantageOver(result.rows().get(1))); // 12 M/s against 3 M/s
    }

    @Test
    void shouldCompareCPythonWithTheFirstKernelLibConfiguration() {
        ScenarioResult result = new ScenarioResult(TestResults.scenario("ms", false,
                TestResults.configuration("standby", null), TestResults.configuration("cold", 60.0)), List.of(
                TestResults.kernelLib("kernel-lib standby", null, 20), TestResults.kernelLib("kernel-lib cold", 60.0, 80),
                TestResults.cpython("spawn", 40)));
        assertEquals(2, result.advantageOver(result.rows().get(2)));
        assertEquals(List.of(result.rows().get(2)), result.cpythonRows());
    }

    @Test
    void shouldJudgeTargetsInTheScenariosDirection() {
        assertTrue(TestResults.startTimes().meetsTarget(TestResults.kernelLib("kernel-lib", 10.0, 10)));
        assertFalse(TestResults.startTimes().meetsTarget(TestResults.kernelLib("kernel-lib", 10.0, 10.5)));
        assertTrue(TestResults.rates().meetsTarget(TestResults.kernelLib("kernel-lib", 15.0, 15)));
        assertFalse(TestResults.rates().meetsTarget(TestResults.kernelLib("kernel-lib", 15.0, 14.9)));
    }

    @Test
    void shouldNameTargetsByConfigurationWhenThereAreSeveral() {
        Scenario scenario = TestResults.scenario("ms", false, TestResults.configuration("standby", 13.0),
                TestResults.configuration("cold", 50.0));
        assertEquals("≤ 13 standby, ≤ 50 cold", scenario.targets());
        assertEquals("≥ 1.9", TestResults.scenario("×", true, TestResults.configuration("", 1.9)).targets());
        assertEquals("", TestResults.scenario("ms", false, TestResults.configuration("", null)).targets());
    }
}
