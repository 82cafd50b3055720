package org.jmultiprocessing.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the cell tags let differ between a cell's stored outputs and what JShell produced. */
class OutputsTest {
    /** A timeline cell as the real kernel stored it (an SVG display), and as JShell runs it (the text fallback). */
    private static final Outputs STORED_CHART = new Outputs("", "", List.of("display_data"));
    private static final Outputs PRINTED_TEXT = new Outputs("Process MainProcess pid 4242\n", "", List.of());

    @Test
    void aRichOutputCellIsOnlyRunNotCompared() {
        assertEquals(List.of(), STORED_CHART.differencesFrom(PRINTED_TEXT, Set.of(Outputs.RICH)));
    }

    @Test
    void withoutTheTagTheSameOutputsDiffer() {
        assertFalse(STORED_CHART.differencesFrom(PRINTED_TEXT, Set.of()).isEmpty());
        assertFalse(STORED_CHART.differencesFrom(PRINTED_TEXT, Set.of(Outputs.VOLATILE)).isEmpty());
    }
}
