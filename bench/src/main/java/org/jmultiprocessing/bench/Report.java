package org.jmultiprocessing.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The results as a terminal table, a markdown table and JSON. */
final class Report {
    static final String LEGEND = "median, min – max and number of samples; \"kernel-lib vs this\" sets the scenario's"
            + " first\nrow against that row: > 1× means kernel-lib (kernel-cluster where it is the first) is better.";
    private static final String ROW = "  %-19s %8s  %13s  %3s  %s%n";

    private Report() {
    }

    /** Three significant digits, or none after the point from 100 up: 1234, 123, 12.3, 1.23, 0.123. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    /**
     * What the last column says of a row: for ours, target met or missed, or how far ahead of or behind the peer
     * it is to beat ("ahead of Ray 1.50×"); for a peer's row, the reference row's advantage over it.
     */
    static String verdict(ScenarioResult result, Row row) {
        if (!row.kernelLib()) {
            return String.format(Locale.ROOT, "%.2f×", result.advantageOver(row));
        }
        if (row.target() != null) {
            return result.meetsTarget(row) ? "target met" : "target missed";
        }
        if (row.aheadOf() != null && result.rowOf(row.aheadOf()).isPresent()) {
            double advantage = result.advantage(row, result.rowOf(row.aheadOf()).get());
            return String.format(Locale.ROOT, "%s %s %.2f×", advantage > 1 ? "ahead of" : "behind", row.aheadOf().title(),
                    advantage);
        }
        return "no target";
    }

    /** "ms, lower is better, target ≤ 60 cold" */
    static String terms(Scenario scenario) {
        String targets = scenario.targets();
        return scenario.unit() + ", " + scenario.betterWhen() + (targets.isEmpty() ? "" : ", target " + targets);
    }

    /** "sequential 2.10 s, Pool(2) 80.0 ms" (ms below a second), or empty if the row's samples have no timed parts. */
    static String seconds(Row row) {
        return row.medianSeconds().entrySet().stream().map(part -> part.getKey() + " " + (part.getValue() >= 1
                ? number(part.getValue()) + " s" : number(part.getValue() * 1e3) + " ms")).collect(Collectors.joining(", "));
    }

    private static String range(Row row) {
        return number(row.min()) + " – " + number(row.max());
    }

    /** Fits a terminal of 100 columns. */
    static String table(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder(LEGEND).append('\n');
        for (ScenarioResult result : results) {
            table.append('\n').append(result.scenario().title()).append(" — ").append(terms(result.scenario())).append('\n');
            table.append(String.format(ROW, "implementation", "median", "min – max", "n", "kernel-lib vs this"));
            for (Row row : result.rows()) {
                table.append(String.format(ROW, row.implementation(), number(row.median()), range(row),
                        row.samples().size(), verdict(result, row)));
                String seconds = seconds(row);
                if (!seconds.isEmpty()) {
                    table.append(String.format("  %-19s %s%n", "", seconds));
                }
            }
        }
        return table.toString();
    }

    static String markdown(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder("| scenario, implementation | median | min – max | n | kernel-lib vs this |\n")
                .append("|---|--:|--:|--:|---|\n");
        for (ScenarioResult result : results) {
            table.append("| **").append(result.scenario().title()).append("** (").append(terms(result.scenario()))
                    .append(") | | | | |\n");
            for (Row row : result.rows()) {
                String seconds = seconds(row);
                table.append("| ").append(row.implementation()).append(seconds.isEmpty() ? "" : " (" + seconds + ")")
                        .append(" | ").append(number(row.median())).append(" | ").append(range(row))
                        .append(" | ").append(row.samples().size()).append(" | ").append(verdict(result, row)).append(" |\n");
            }
        }
        return table.toString();
    }

    /** What results.json holds: the run's facts, then per scenario every row's summary and samples. */
    record Results(RunFacts run, List<ScenarioJson> scenarios) {
    }

    record ScenarioJson(String id, String title, String unit, boolean higherIsBetter, String targets, List<RowJson> rows) {
    }

    /**
     * @param peer for a peer's row, its id ("cpython", "ray"); null for ours
     * @param kernelLibAdvantage for a peer's row, as in the table (> 1: the reference row is better); else null
     * @param targetMet for a row of ours with a target; else null
     * @param aheadOf for a row of ours that is to beat a peer, that peer's id; else null
     * @param advantageOverPeer for such a row, its advantage over that peer's first row (> 1: ours is better)
     */
    record RowJson(String implementation, String peer, double median, double min, double max, int samples, Double target,
            Boolean targetMet, Double kernelLibAdvantage, String aheadOf, Double advantageOverPeer,
            Map<String, Double> medianSeconds, List<Double> values) {
    }

    static void writeJson(Path file, RunFacts run, List<ScenarioResult> results) throws IOException {
        Function<ScenarioResult, ScenarioJson> scenario = result -> new ScenarioJson(result.scenario().id(),
                result.scenario().title(), result.scenario().unit(), result.scenario().higherIsBetter(),
                result.scenario().targets(), result.rows().stream().map(row -> new RowJson(row.implementation(),
                        row.peer() == null ? null : row.peer().id(), row.median(), row.min(), row.max(),
                        row.samples().size(), row.target(), row.target() == null ? null : result.meetsTarget(row),
                        row.kernelLib() ? null : result.advantageOver(row),
                        row.aheadOf() == null ? null : row.aheadOf().id(),
                        row.aheadOf() == null ? null : result.rowOf(row.aheadOf()).map(rival -> result.advantage(row, rival))
                                .orElse(null),
                        row.medianSeconds(), row.samples().stream().map(Sample::value).toList())).toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), new Results(run, results.stream().map(scenario).toList()));
    }
}
