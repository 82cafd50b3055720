package org.jmultiprocessing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bench on its cheapest pool scenario (kernel-lib, kernel-cluster on a local cluster, CPython fork);
 * no timing is checked, only that every output is written.
 */
class BenchSmokeTest {
    @Test
    void shouldWriteJsonMarkdownAndChartForOneScenario(@TempDir Path out) throws Exception {
        Bench.run(Bench.Options.parse("--scenarios", "pool-map", "--methods", "fork", "--rounds", "1", "--runs", "1",
                "--out", out.toString(), "--script", "cpython/mp_bench.py", "--peers", "cpython")); // the tests run in bench/

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(1, results.at("/run/rounds").asInt());
        JsonNode scenario = results.at("/scenarios/0");
        assertEquals("pool-map", scenario.get("id").asText());
        assertEquals("kernel-lib", scenario.at("/rows/0/implementation").asText());
        assertEquals("kernel-cluster", scenario.at("/rows/1/implementation").asText(), "measured on a local cluster");
        assertTrue(scenario.at("/rows/1/median").asDouble() > 0);
        assertEquals("ray", scenario.at("/rows/1/aheadOf").asText());
        assertTrue(scenario.at("/rows/1/advantageOverPeer").isNull(), "Ray was not measured");
        assertEquals("CPython fork", scenario.at("/rows/2/implementation").asText());
        assertEquals("cpython", scenario.at("/rows/2/peer").asText());
        assertTrue(scenario.at("/rows/2/kernelLibAdvantage").asDouble() > 0);
        assertEquals(Chart.WIDTH, ImageIO.read(out.resolve("results.png").toFile()).getWidth());
        assertTrue(Files.readString(out.resolve("results.md")).contains("| CPython fork |"));
    }

    @Test
    void shouldRefuseToMeasureRayWithoutItsPythonAndSayHowToGetIt(@TempDir Path out) {
        Path missing = out.resolve("no-venv/bin/python");
        Bench.CannotRun refused = assertThrows(Bench.CannotRun.class, () -> Bench.run(Bench.Options.parse("--scenarios",
                "pool-map", "--peers", "ray", "--ray-python", missing.toString(), "--out", out.toString())));
        assertEquals("Ray's Python " + missing + " is not there: ./run bench installs Ray into build/bench-venv"
                + " (bench/requirements-ray.txt); give another with --ray-python, or leave Ray out with --peers cpython",
                refused.getMessage());
        assertFalse(Files.exists(out.resolve("results.json")), "nothing measured, nothing written");
    }
}
