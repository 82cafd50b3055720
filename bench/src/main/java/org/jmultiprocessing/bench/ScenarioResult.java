package org.jmultiprocessing.bench;

import java.util.List;
import java.util.Optional;

/** A scenario's rows: our configurations first (the first is the reference), then the peers'. */
record ScenarioResult(Scenario scenario, List<Row> rows) {
    Row reference() {
        return rows.get(0);
    }

    /** The reference row's median against {@code row}'s, oriented so that > 1 means kernel-lib is better. */
    double advantageOver(Row row) {
        return advantage(reference(), row);
    }

    /** {@code ours} against {@code other}, oriented so that > 1 means {@code ours} is better. */
    double advantage(Row ours, Row other) {
        return scenario.higherIsBetter() ? ours.median() / other.median() : other.median() / ours.median();
    }

    /** The first row of {@code peer}, if it was measured. */
    Optional<Row> rowOf(Peer peer) {
        return rows.stream().filter(row -> row.peer() == peer).findFirst();
    }

    boolean meetsTarget(Row row) {
        return scenario.higherIsBetter() ? row.median() >= row.target() : row.median() <= row.target();
    }

    List<Row> cpythonRows() {
        return rows.stream().filter(row -> row.peer() == Peer.CPYTHON).toList();
    }
}
