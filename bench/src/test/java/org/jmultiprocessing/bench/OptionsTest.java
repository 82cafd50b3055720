package org.jmultiprocessing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void shouldRunEveryScenarioAndStartMethodInThreeRoundsByDefault() {
        Bench.Options options = Bench.Options.parse();
        assertEquals(3, options.rounds());
        assertNull(options.runs());
        assertEquals(KernelLibScenarios.ids(), options.scenarios());
        assertEquals(List.of("fork", "spawn", "forkserver"), options.methods());
        assertEquals(Path.of("build/bench"), options.out());
        assertFalse(options.publish());
        assertEquals(List.of(Peer.CPYTHON, Peer.RAY), options.peers());
        assertEquals(Path.of("build/bench-venv/bin/python"), options.rayPython());
    }

    @Test
    void shouldMeasureAPeerOnlyWhereChosenAndWhereItsScriptHasTheScenario() {
        Bench.Options cpythonOnly = Bench.Options.parse("--peers", "cpython");
        assertEquals(List.of(Peer.CPYTHON), cpythonOnly.peers());
        Scenario poolMap = KernelLibScenarios.all(new ProcessStart()).stream().filter(s -> s.id().equals("pool-map"))
                .findFirst().orElseThrow();
        Scenario queue = KernelLibScenarios.all(new ProcessStart()).stream().filter(s -> s.id().equals("queue-small"))
                .findFirst().orElseThrow();
        assertFalse(cpythonOnly.measures(Peer.RAY, poolMap));
        assertTrue(Bench.Options.parse().measures(Peer.RAY, poolMap));
        assertFalse(Bench.Options.parse().measures(Peer.RAY, queue), "ray_bench.py has no queue scenario");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bench.Options.parse("--peers", "dask"))
                .getMessage().startsWith("--peers: unknown [dask]; choose from cpython,ray"));
    }

    @Test
    void shouldMakeQuickOneRoundOfTwoRunsUnlessTold() {
        assertEquals(1, Bench.Options.parse("--quick").rounds());
        assertEquals(2, Bench.Options.parse("--quick").runs());
        assertEquals(5, Bench.Options.parse("--runs", "5", "--quick").runs());
    }

    @Test
    void shouldKeepChosenScenariosAndMethodsInTheirUsualOrder() {
        Bench.Options options = Bench.Options.parse("--scenarios", "pool-map,process-start", "--methods", "spawn,fork",
                "--publish");
        assertEquals(List.of("process-start", "pool-map"), options.scenarios());
        assertEquals(List.of("fork", "spawn"), options.methods());
        assertTrue(options.publish());
    }

    @Test
    void shouldRejectBadArgumentsWithAMessageNamingThem() {
        assertEquals("unknown option --fast",
                assertThrows(IllegalArgumentException.class, () -> Bench.Options.parse("--fast")).getMessage());
        assertEquals("--rounds needs a value",
                assertThrows(IllegalArgumentException.class, () -> Bench.Options.parse("--rounds")).getMessage());
        assertEquals("--runs needs a positive whole number, not 0",
                assertThrows(IllegalArgumentException.class, () -> Bench.Options.parse("--runs", "0")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bench.Options.parse("--methods", "vfork"))
                .getMessage().startsWith("--methods: unknown [vfork]"));
    }
}
