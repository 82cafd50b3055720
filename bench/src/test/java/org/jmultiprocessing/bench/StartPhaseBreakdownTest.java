package org.jmultiprocessing.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StartPhaseBreakdownTest {
    @Test
    void shouldSetEachChildsPhasesAgainstTheStartItBelongsTo() {
        // Bench JVM 10; child 20 booted as a standby before the first start; child 30 started in the second.
        List<String> lines = List.of(
                "20 20 500 main",
                "10 10 1000 bench-begun",
                "10 20 1100 start",
                "10 20 1300 jvm-obtained",
                "20 20 1600 prepare-read",
                "10 10 3000 bench-returned",
                "30 30 3500 main",
                "10 10 4000 bench-begun",
                "10 30 4100 start",
                "10 30 4200 jvm-obtained",
                "30 30 4400 prepare-read",
                "30 30 4500 exit-begun",
                "10 10 6000 bench-returned",
                "10 30 6100 joined");
        List<Sample> samples = StartPhaseBreakdown.samples(lines, 10);
        assertEquals(2, samples.size());
        assertEquals(0.002, samples.get(0).value(), 1e-12);
        // main came before the first start (a standby's boot), exit-begun only in the second, joined after the
        // second returned: all left out.
        assertEquals(List.of("start", "jvm-obtained", "prepare-read"), List.copyOf(samples.get(1).seconds().keySet()));
        assertEquals(Map.of("start", 1e-7, "jvm-obtained", 3e-7, "prepare-read", 6e-7), samples.get(0).seconds());
    }
}
