package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jmultiprocessing.AsyncResult;
import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.Pool;
import org.jmultiprocessing.RemoteTraceback;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;
import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The public Pool on a local 3-member cluster: every call form, with lambdas and with cell-defined classes. */
@ExtendWith(SharedCluster.class)
class ClusterPoolTest {
    private static Pool pool;

    @BeforeAll
    static void startPool() {
        pool = SharedCluster.cluster().context().pool(3);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void shouldMapOnTheMembersInOrder() {
        List<Integer> input = IntStream.range(0, 1000).boxed().toList();
        assertEquals(input.stream().map(x -> x * x).toList(), pool.map((Integer x) -> x * x, input));
        assertEquals(input.stream().map(x -> x + 1).toList(), pool.map((Integer x) -> x + 1, input, 7));
        Set<Long> memberPids = SharedCluster.cluster().members().stream().map(Cluster.Member::pid).collect(Collectors.toSet());
        List<Long> pids = pool.map((Integer x) -> ProcessHandle.current().pid(), List.of(1, 2, 3, 4, 5, 6), 1);
        assertTrue(memberPids.containsAll(pids), pids + " not in " + memberPids);
        assertEquals(3, new TreeSet<>(pids).size(), "chunks are spread over the members: " + pids);
        assertNotEquals(ProcessHandle.current().pid(), pids.get(0));
    }

    @Test
    void shouldStarmapApplyAndSubmit() throws Exception {
        assertEquals(List.of(3, 7), pool.starmap((Integer a, Integer b) -> a + b, List.of(List.of(1, 2), List.of(3, 4))));
        assertEquals(List.of("a1", "b2"), pool.starmap((String s, Integer n) -> s + n, List.of(List.of("a", 1), List.of("b", 2)), 1));
        assertEquals(42, pool.apply(() -> 6 * 7));
        assertEquals(10, pool.apply((Integer a, Integer b) -> a * b, 2, 5));
        assertEquals("done", pool.submit(() -> "done").get(30, TimeUnit.SECONDS));
    }

    @Test
    void shouldIterateImapInOrderAndImapUnorderedAll() {
        List<Integer> ordered = new ArrayList<>();
        pool.imap((Integer x) -> x * 10, IntStream.range(0, 50).boxed().toList(), 3).forEach(ordered::add);
        assertEquals(IntStream.range(0, 50).map(x -> x * 10).boxed().toList(), ordered);
        Set<Integer> unordered = new TreeSet<>();
        pool.imapUnordered((Integer x) -> x + 1, IntStream.range(0, 40).boxed(), 4).forEach(unordered::add);
        assertEquals(IntStream.rangeClosed(1, 40).boxed().collect(Collectors.toCollection(TreeSet::new)), unordered);
    }

    @Test
    void shouldRunAsyncCallsAndTheirCallbacks() throws Exception {
        AsyncResult<List<Integer>> squares = pool.mapAsync((Integer x) -> x * x, List.of(1, 2, 3), 1);
        AsyncResult<Integer> sum = pool.applyAsync((Integer a, Integer b) -> a + b, 20, 22);
        CountDownLatch called = new CountDownLatch(2);
        List<Object> seen = new CopyOnWriteArrayList<>();
        squares.onSuccess(r -> { seen.add(r); called.countDown(); });
        pool.applyAsync(() -> { throw new IllegalStateException("no luck"); })
                .onError(e -> { seen.add(e.getMessage()); called.countDown(); });
        assertTrue(called.await(30, TimeUnit.SECONDS));
        assertEquals(List.of(1, 4, 9), squares.get(Duration.ofSeconds(30)));
        assertEquals(42, sum.get(Duration.ofSeconds(30)));
        assertTrue(seen.contains(List.of(1, 4, 9)) && seen.contains("no luck"), seen.toString());
        assertEquals(List.of(5, 7), pool.starmapAsync((Integer a, Integer b) -> a + b, List.of(List.of(2, 3), List.of(3, 4))).get());
    }

    @Test
    void shouldRethrowATaskExceptionWithTheMembersTraceback() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pool.map((Integer x) -> { if (x == 3) { throw new IllegalArgumentException("bad " + x); } return x; },
                        List.of(1, 2, 3, 4), 1));
        assertEquals("bad 3", e.getMessage());
        RemoteTraceback remote = assertInstanceOf(RemoteTraceback.class, e.getCause());
        assertTrue(remote.getMessage().contains("on cluster member 127.0.0.1:"), remote.getMessage());
        assertEquals(List.of(2), pool.map((Integer x) -> x * 2, List.of(1)), "the pool stays usable");
    }

    @Test
    void shouldNameAnArgumentThatCannotTravel() {
        NotTransferableException e = assertThrows(NotTransferableException.class,
                () -> pool.map((Object x) -> x.toString(), List.of("fine", new Object())));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }

    @Test
    void shouldPrintWhatTasksPrintInTheCallersOutput() {
        try (CapturedOutput output = new CapturedOutput()) {
            pool.map((Integer x) -> { System.out.println("square of " + x); System.err.println("err " + x); return x * x; },
                    List.of(1, 2, 3), 1);
            Set<String> lines = new TreeSet<>(output.out().lines().toList());
            assertEquals(Set.of("square of 1", "square of 2", "square of 3"), lines);
            assertEquals(Set.of("err 1", "err 2", "err 3"), new TreeSet<>(output.err().lines().toList()));
        }
    }

    @Test
    void shouldRunTheInitializerOncePerMember() {
        try (Pool initialized = SharedCluster.cluster().context().pool(3, () -> System.setProperty("jmp.test.init", "yes"))) {
            assertEquals(List.of("yes", "yes", "yes", "yes"),
                    initialized.map((Integer x) -> System.getProperty("jmp.test.init"), List.of(1, 2, 3, 4), 1));
        }
    }

    @Test
    void shouldFailPendingCallsWhenTheClusterIsClosed(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("cluster.key");
        ClusterRuntime.current().key().write(keyFile);
        List<String> addresses = SharedCluster.cluster().members().stream().map(Cluster.Member::address).toList();
        Cluster second = Cluster.connect(addresses, keyFile);
        Pool sleeping = second.context().pool(2);
        try (CapturedOutput output = new CapturedOutput()) {
            AsyncResult<List<Integer>> pending = sleeping.mapAsync((Integer x) -> {
                System.out.println("sleeping");
                Thread.sleep(60_000);
                return x;
            }, List.of(1, 2, 3), 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!output.out().contains("sleeping")) {
                assertTrue(System.nanoTime() < deadline);
                Thread.sleep(10);
            }
            second.close();
            assertTrue(pending.await(Duration.ofSeconds(10)), "the call ended with its cluster");
            assertFalse(pending.successful());
            sleeping.terminate();
            assertTrue(sleeping.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void shouldRefuseWorkOnceClosed() throws InterruptedException {
        Pool closing = SharedCluster.cluster().context().pool(2);
        AsyncResult<List<Integer>> pending = closing.mapAsync((Integer x) -> x, List.of(1, 2, 3), 1);
        closing.shutdown();
        closing.join();
        assertEquals(List.of(1, 2, 3), pending.get());
        assertThrows(IllegalStateException.class, () -> closing.map((Integer x) -> x, List.of(1)));
    }
}
