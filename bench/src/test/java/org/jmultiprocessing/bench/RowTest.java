package org.jmultiprocessing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RowTest {
    @Test
    void shouldTakeTheMiddleValueOfAnOddCountAsMedian() {
        assertEquals(5, Row.median(List.of(9.0, 1.0, 5.0)));
    }

    @Test
    void shouldAverageTheTwoMiddleValuesOfAnEvenCount() {
        assertEquals(4, Row.median(List.of(9.0, 1.0, 3.0, 5.0)));
    }

    @Test
    void shouldSummarizeSamples() {
        Row row = TestResults.kernelLib("kernel-lib", null, 3, 1, 2, 10);
        assertEquals(2.5, row.median());
        assertEquals(1, row.min());
        assertEquals(10, row.max());
    }

    @Test
    void shouldTakeTheMedianOfEachTimedPart() {
        Row row = new Row("kernel-lib", true, null, List.of(
                new Sample(2, Map.of("sequential", 2.0, "Pool(2)", 1.0)),
                new Sample(2, Map.of("sequential", 4.0, "Pool(2)", 2.0)),
                new Sample(2, Map.of("sequential", 9.0, "Pool(2)", 4.5))));
        assertEquals(Map.of("sequential", 4.0, "Pool(2)", 2.0), row.medianSeconds());
    }

    @Test
    void shouldHaveNoTimedPartsForPlainSamples() {
        assertEquals(Map.of(), TestResults.cpython("fork", 1, 2).medianSeconds());
    }
}
