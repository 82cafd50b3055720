package org.jmultiprocessing.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One measurement in its scenario's unit. When the value is derived from timed parts (a speed-up from a
 * sequential and a parallel time), {@code seconds} holds those parts by name; else it is empty.
 */
record Sample(double value, Map<String, Double> seconds) {
    static Sample of(double value) {
        return new Sample(value, Map.of());
    }

    /** A sample as mp_bench.py prints it: a number, or {@code {"value": v, "seconds": {part: s}}}. */
    static Sample fromJson(JsonNode node) {
        if (node.isNumber()) {
            return of(node.doubleValue());
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        node.path("seconds").fields().forEachRemaining(part -> seconds.put(part.getKey(), part.getValue().doubleValue()));
        return new Sample(node.get("value").doubleValue(), seconds);
    }
}
