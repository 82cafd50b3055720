package org.jmultiprocessing.bench;

import java.util.List;

/** A scenario's rows: kernel-lib's configurations first (the first is the reference), then CPython's. */
record ScenarioResult(Scenario scenario, List<Row> rows) {
    Row reference() {
        return rows.get(0);
    }

    /** The reference row's median against {@code row}'s, oriented so that > 1 means kernel-lib is better. */
    double advantageOver(Row row) {
        double ours = reference().median();
        return scenario.higherIsBetter() ? ours / row.median() : row.median() / ours;
    }

    boolean meetsTarget(Row row) {
        return scenario.higherIsBetter() ? row.median() >= row.target() : row.median() <= row.target();
    }

    List<Row> cpythonRows() {
        return rows.stream().filter(row -> !row.kernelLib()).toList();
    }
}
