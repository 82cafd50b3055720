package org.jmultiprocessing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SampleTest {
    @Test
    void shouldReadPlainAndTimedSamplesAsMpBenchPrintsThem() throws Exception {
        JsonNode printed = new ObjectMapper().readTree("[2.5, {\"value\": 1.9, \"seconds\": {\"sequential\": 2.1, \"Pool(2)\": 1.1}}]");
        assertEquals(Sample.of(2.5), Sample.fromJson(printed.get(0)));
        assertEquals(new Sample(1.9, Map.of("sequential", 2.1, "Pool(2)", 1.1)), Sample.fromJson(printed.get(1)));
    }
}
