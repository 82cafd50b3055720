package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Python's Manager cases (CPython's {@code _TestDict}, {@code _TestList}, {@code _TestNamespace}, ...), on both contexts. */
class ManagerTest {
    private static final int PROCESSES = 4;
    private static final int UPDATES = 50;

    private static void startAndJoin(List<Process> processes) throws InterruptedException {
        processes.forEach(Process::start);
        for (Process p : processes) {
            p.join();
            assertEquals(0, p.exitCode(), p.toString());
        }
    }

    /** A plain (not serializable) function: it runs in the caller, written only if nothing changed meanwhile. */
    private static void countPlain(Map<String, Integer> counts, List<String> keys) {
        for (int i = 0; i < UPDATES; i++) {
            counts.merge("merged", 1, Integer::sum);
            counts.computeIfAbsent("first-" + (i % 10), k -> keys.size());
            counts.compute("computed", (k, v) -> v == null ? 1 : v + 1);
        }
    }

    /** A serializable function: it travels to the server and runs there. */
    private static void countShipped(Map<String, Integer> counts) {
        BiFunction<Integer, Integer, Integer> sum = (BiFunction<Integer, Integer, Integer> & Serializable) Integer::sum;
        Function<String, Integer> one = (Function<String, Integer> & Serializable) k -> 1;
        for (int i = 0; i < UPDATES; i++) {
            counts.merge("shipped", 1, sum);
            counts.computeIfAbsent("absent-" + (i % 5), one);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldLoseNoUpdateOfADictSharedByFourProcesses(Context ctx) throws InterruptedException {
        try (Manager manager = ctx.manager()) {
            Map<String, Integer> counts = manager.dict();
            List<String> keys = manager.list();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(ctx.process((Map<String, Integer> d, List<String> k) -> countPlain(d, k), counts, keys));
                processes.add(ctx.process((Map<String, Integer> d) -> countShipped(d), counts));
            }
            startAndJoin(processes);
            assertEquals(PROCESSES * UPDATES, counts.get("merged"));
            assertEquals(PROCESSES * UPDATES, counts.get("computed"));
            assertEquals(PROCESSES * UPDATES, counts.get("shipped"));
            assertEquals(3 + 10 + 5, counts.size(), counts.toString());
            assertEquals(1, counts.get("absent-3"));
        }
    }

    private static void appendAll(List<Integer> list, Namespace ns, int from) {
        for (int i = from; i < from + UPDATES; i++) {
            list.add(i);
            ns.update("total", (Integer t) -> t + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldShareAListAndANamespaceBetweenFourProcesses(Context ctx) throws InterruptedException {
        try (Manager manager = ctx.manager()) {
            List<Integer> list = manager.list();
            Namespace ns = manager.namespace();
            ns.set("total", 0);
            ns.set("name", "shared");
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                int from = i * UPDATES;
                processes.add(ctx.process((List<Integer> l, Namespace n) -> appendAll(l, n, from), list, ns));
            }
            startAndJoin(processes);
            assertEquals(PROCESSES * UPDATES, list.size());
            List<Integer> sorted = new ArrayList<>(list);   // iterates over a snapshot
            sorted.sort(null);
            for (int i = 0; i < sorted.size(); i++) {
                assertEquals(i, sorted.get(i));
            }
            assertEquals(PROCESSES * UPDATES, (int) ns.get("total"));
            assertEquals("Namespace(total=" + PROCESSES * UPDATES + ", name='shared')", ns.toString());
            assertTrue(ns.delete("name"));
            NoSuchElementException missing = assertThrows(NoSuchElementException.class, () -> ns.get("name"));
            assertTrue(missing.getMessage().contains("no attribute 'name'"), missing.getMessage());
        }
    }

    private static void appendThroughTheDict(Map<String, List<String>> d, String item) {
        d.get("inner").add(item);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReachAListProxyNestedInADict(Context ctx) throws InterruptedException {
        try (Manager manager = ctx.manager()) {
            Map<String, List<String>> outer = manager.dict();
            outer.put("inner", manager.list());
            outer.get("inner").add("from the parent");
            Process p = ctx.process((Map<String, List<String>> d) -> appendThroughTheDict(d, "from the child"), outer);
            startAndJoin(List.of(p));
            assertEquals(List.of("from the parent", "from the child"), new ArrayList<>(outer.get("inner")));
            assertEquals("{inner=[from the parent, from the child]}", outer.toString());
        }
    }

    private static void produce(Queue<Integer> q, Lock lock, Value.OfInt total, Event done) {
        for (int i = 1; i <= 10; i++) {
            q.put(i);
        }
        try (var held = lock.acquired()) {
            total.set(total.get() + 1);
        }
        total.addAndGet(10);
        done.set();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldShareQueuesLocksValuesAndEvents(Context ctx) throws InterruptedException {
        try (Manager manager = ctx.manager()) {
            Queue<Integer> q = manager.queue();
            Lock lock = manager.lock();
            Value.OfInt total = manager.value().ofInt(0);
            Event done = manager.event();
            Process p = ctx.process((Queue<Integer> queue, Lock l, Value.OfInt t, Event e) -> produce(queue, l, t, e),
                    q, lock, total, done);
            p.start();
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += q.get(30.0);
            }
            assertTrue(done.await(30.0));
            p.join();
            assertEquals(55, sum);
            assertEquals(11, total.get());
            assertThrows(Queue.Empty.class, () -> q.get(0.05));
            assertTrue(lock.acquire(false));
            lock.release();
            RLock rlock = manager.rlock();
            Condition condition = manager.condition(rlock);
            try (var held = rlock.acquired()) {
                assertFalse(condition.await(0.05));
            }
            Barrier barrier = manager.barrier(1);
            assertEquals(0, barrier.await(10.0));
            Semaphore semaphore = manager.semaphore(2);
            assertTrue(semaphore.acquire(false));
            assertEquals(1, semaphore.getValue());
        }
    }

    public interface Counter {
        int increment(int by);

        int value();
    }

    public static final class CounterImpl implements Counter {
        private int value;

        @Override
        public synchronized int increment(int by) {
            value += by;
            return value;
        }

        @Override
        public synchronized int value() {
            return value;
        }
    }

    private static void incrementMany(Counter counter) {
        for (int i = 0; i < UPDATES; i++) {
            counter.increment(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldShareARegisteredClass(Context ctx) throws InterruptedException {
        try (Manager manager = ctx.manager()) {
            manager.register("Counter", CounterImpl::new);
            Counter counter = manager.create("Counter", Counter.class);
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(ctx.process((Counter c) -> incrementMany(c), counter));
            }
            startAndJoin(processes);
            assertEquals(PROCESSES * UPDATES, counter.value());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> manager.create("Missing", Counter.class));
            assertTrue(unknown.getMessage().contains("no type is registered as \"Missing\""), unknown.getMessage());
            IllegalArgumentException notInterface = assertThrows(IllegalArgumentException.class,
                    () -> manager.create("Counter", CounterImpl.class));
            assertTrue(notInterface.getMessage().contains("is not an interface"), notInterface.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRefuseNewObjectsAfterShutdown(Context ctx) {
        Manager manager = ctx.manager();
        manager.shutdown();
        manager.shutdown();
        assertFalse(manager.isRunning());
        IllegalStateException refused = assertThrows(IllegalStateException.class, manager::dict);
        assertTrue(refused.getMessage().contains("shut down"), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldIterateOverASnapshot(Context ctx) {
        try (Manager manager = ctx.manager()) {
            Map<String, Integer> d = manager.dict(Map.of("a", 1));
            List<Integer> l = manager.list(List.of(1, 2, 3));
            Map<Integer, Integer> seen = new ConcurrentHashMap<>();
            for (Integer x : l) {
                l.add(x * 10);                 // no ConcurrentModificationException: the loop reads a copy
                seen.put(x, x);
            }
            assertEquals(3, seen.size());
            assertEquals(List.of(1, 2, 3, 10, 20, 30), new ArrayList<>(l));
            assertEquals(60, l.stream().mapToInt(Integer::intValue).filter(x -> x >= 10).sum());
            assertThrows(UnsupportedOperationException.class, () -> d.keySet().remove("a"));
            assertEquals(Map.of("a", 1), Map.copyOf(d));
        }
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseToSendAThreadContextDictToAChildJvm() {
        try (Manager manager = Multiprocessing.getContext("thread").manager()) {
            Map<String, Integer> local = manager.dict();
            Process p = new Process((Map<String, Integer> d) -> d.put("x", 1), local);
            NotTransferableException refused = assertThrows(NotTransferableException.class, p::start);
            assertTrue(refused.getMessage().contains("lives in this JVM only"), refused.getMessage());
        }
    }
}
