package org.jmultiprocessing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void shouldPrintAtMostThreeSignificantDigits() {
        assertEquals("1235", Report.number(1234.6));
        assertEquals("123", Report.number(123.4));
        assertEquals("12.3", Report.number(12.34));
        assertEquals("1.23", Report.number(1.234));
        assertEquals("0.123", Report.number(0.1234));
    }

    @Test
    void shouldPrintAHeaderAndOneRowPerImplementation() {
        assertEquals(Report.LEGEND + "\n\n"
                + "Test scenario — ms, lower is better, target ≤ 10\n"
                + "  implementation        median      min – max    n  kernel-lib vs this\n"
                + "  kernel-lib              8.00    7.00 – 9.00    3  target met\n"
                + "  CPython fork            4.00    3.00 – 5.00    3  0.50×\n"
                + "  CPython spawn           40.0    38.0 – 45.0    3  5.00×\n",
                Report.table(List.of(TestResults.startTimes())));
    }

    @Test
    void shouldSayWhetherKernelLibRowsMeetTheirTarget() {
        ScenarioResult rates = TestResults.rates();
        assertEquals("target missed", Report.verdict(rates, rates.reference()));
        assertEquals("4.00×", Report.verdict(rates, rates.rows().get(1)));
        assertEquals("no target", Report.verdict(rates, TestResults.kernelLib("kernel-lib standby", null, 20)));
    }

    @Test
    void shouldSayHowFarARowOfOursIsAheadOfOrBehindThePeerItIsToBeat() {
        Scenario scenario = TestResults.scenario("ms", false, TestResults.configuration("", null));
        Row cluster = new Row("kernel-cluster", true, null, TestResults.samples(500), null, Peer.RAY);
        Row ray = new Row("Ray 2.60.0", false, null, TestResults.samples(1000), Peer.RAY, null);
        ScenarioResult ahead = new ScenarioResult(scenario, List.of(TestResults.kernelLib("kernel-lib", null, 20), cluster, ray));
        assertEquals("ahead of Ray 2.00×", Report.verdict(ahead, cluster));
        assertEquals("50.00×", Report.verdict(ahead, ray), "a peer's row is set against the scenario's first row");
        Row slowCluster = new Row("kernel-cluster", true, null, TestResults.samples(4000), null, Peer.RAY);
        assertEquals("behind Ray 0.25×", Report.verdict(new ScenarioResult(scenario, List.of(slowCluster, ray)), slowCluster));
        assertEquals("no target", Report.verdict(new ScenarioResult(scenario, List.of(slowCluster)), slowCluster),
                "without Ray's row there is nothing to set it against");
        assertEquals(List.of(), ahead.cpythonRows());
    }

    @Test
    void shouldPrintTimedPartsUnderTheirRow() {
        Row row = new Row("kernel-lib", true, 1.9, List.of(new Sample(2, new java.util.LinkedHashMap<>(Map.of("sequential", 1.5)))));
        row.samples().get(0).seconds().put("Pool(2)", 0.0123);
        ScenarioResult result = new ScenarioResult(TestResults.scenario("×", true, TestResults.configuration("", 1.9)),
                List.of(row));
        assertTrue(Report.table(List.of(result)).endsWith(
                "  kernel-lib              2.00    2.00 – 2.00    1  target met\n"
                + "                      sequential 1.50 s, Pool(2) 12.3 ms\n"), Report.table(List.of(result)));
    }

    @Test
    void shouldFitA100ColumnTerminalWithTheRealScenarios() {
        List<ScenarioResult> results = KernelLibScenarios.all(new ProcessStart()).stream().map(scenario -> {
            List<Row> rows = new ArrayList<>();
            scenario.kernelLib().forEach(c -> rows.add(TestResults.kernelLib(c.label(), c.target(), 1234.5, 0.001234)));
            CPython.START_METHODS.forEach(method -> rows.add(new Row("CPython " + method, false, null, List.of(
                    new Sample(0.001234, Map.of("sequential", 123.4, "Pool(2)", 123.4))))));
            if (scenario.peers().contains(Peer.RAY)) {
                rows.add(new Row("Ray 2.60.0", false, null, List.of(new Sample(0.001234, Map.of("sequential", 123.4,
                        "Pool(2)", 123.4))), Peer.RAY, null));
            }
            return new ScenarioResult(scenario, rows);
        }).toList();
        String table = Report.table(results);
        table.lines().forEach(line -> assertTrue(line.length() <= 100, line.length() + " columns: " + line));
        assertEquals(results.size(), table.lines().filter(line -> line.startsWith("  implementation")).count(),
                "a header line per scenario");
    }

    @Test
    void shouldRenderAMarkdownTableWithAHeaderRowPerScenario() {
        assertEquals("| scenario, implementation | median | min – max | n | kernel-lib vs this |\n"
                + "|---|--:|--:|--:|---|\n"
                + "| **Test scenario** (ms, lower is better, target ≤ 10) | | | | |\n"
                + "| kernel-lib | 8.00 | 7.00 – 9.00 | 3 | target met |\n"
                + "| CPython fork | 4.00 | 3.00 – 5.00 | 3 | 0.50× |\n"
                + "| CPython spawn | 40.0 | 38.0 – 45.0 | 3 | 5.00× |\n",
                Report.markdown(List.of(TestResults.startTimes())));
    }
}
