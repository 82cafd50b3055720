package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.Context;
import org.jmultiprocessing.Manager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedCluster.Scope.class)
class ClusterManagerTest {
    private final Context ctx = EmbeddedCluster.get().newContext();

    record Point(int x, int y) implements java.io.Serializable {
    }

    @Test
    void shouldShareADictWithTheMapOperations() throws Exception {
        try (Manager manager = ctx.manager()) {
            Map<Object, Object> d = manager.dict();
            assertNull(d.put("a", 1));
            assertEquals(1, d.put("a", 2));
            d.put(new Point(1, 2), List.of("p"));
            assertEquals(List.of("p"), d.get(new Point(1, 2)));
            assertTrue(d.containsKey("a"));
            assertEquals(2, d.size());
            assertEquals(2, d.putIfAbsent("a", 3));
            assertTrue(((java.util.concurrent.ConcurrentMap<Object, Object>) d).replace("a", 2, 5));
            assertEquals(Map.of("a", 5, new Point(1, 2), List.of("p")), Map.copyOf(d));
            Map<Object, Object> arrived = Transit.roundTrip(d);
            arrived.remove("a");
            assertFalse(d.containsKey("a"));
        }
    }

    @Test
    void shouldMergeFromSeveralThreadsWithoutLosingAnUpdate() throws Exception {
        try (Manager manager = ctx.manager()) {
            Map<String, Integer> d = manager.dict();
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 20; i++) {
                        d.merge("count", 1, Integer::sum);
                    }
                }));
            }
            for (CompletableFuture<Void> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            assertEquals(80, d.get("count"));
        }
    }

    @Test
    void shouldShareAListAndFailItsProxiesAfterShutdown() throws Exception {
        Manager manager = ctx.manager();
        List<Object> l = manager.list();
        l.add("a");
        l.add(0, "first");
        l.add(List.of(1, 2));
        assertEquals(List.of("first", "a", List.of(1, 2)), List.copyOf(l));
        assertEquals("a", l.set(1, "b"));
        assertEquals("first", l.remove(0));
        List<Object> arrived = Transit.roundTrip(l);
        arrived.add("from afar");
        assertEquals(3, l.size());
        manager.shutdown();
        IllegalStateException e = assertThrows(IllegalStateException.class, arrived::size);
        assertTrue(e.getMessage().contains("shut down"), e.getMessage());
        assertThrows(IllegalStateException.class, manager::list);
    }
}
