package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python's {@code Barrier} semantics in both contexts. The queues and values that carry results back are the
 * default context's: they work between threads of one JVM as well as between processes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BarrierTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReleaseAllPartiesOfABarrierWithDistinctIndexes(Context ctx) throws Exception {
        Queue<Integer> indexes = new Queue<>();
        Value.OfInt actions = Value.ofInt(0);
        Barrier barrier = ctx.barrier(3, () -> actions.addAndGet(1));
        OtherParty first = OtherParty.start(ctx, () -> indexes.put(barrier.await(30.0)));
        OtherParty second = OtherParty.start(ctx, () -> indexes.put(barrier.await(30.0)));
        indexes.put(barrier.await(30.0));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            seen.add(indexes.get(30.0));
        }
        assertEquals(Set.of(0, 1, 2), seen);
        assertEquals(1, actions.get());
        first.joinSuccessfully();
        second.joinSuccessfully();
        assertEquals(0, barrier.nWaiting());
        assertEquals(3, barrier.parties());
        assertEquals("Barrier(parties=3, waiting=0)", barrier.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldBreakTheOtherWaitersWhenABarrierIsAborted(Context ctx) throws Exception {
        Barrier barrier = ctx.barrier(3);
        Queue<String> outcomes = new Queue<>();
        ChildJvm.Task waiter = () -> {
            try {
                barrier.await(30.0);
                outcomes.put("passed");
            } catch (Barrier.Broken e) {
                outcomes.put("broken");
            }
        };
        OtherParty first = OtherParty.start(ctx, waiter);
        OtherParty second = OtherParty.start(ctx, waiter);
        awaitWaiting(barrier, 2);
        barrier.abort();
        assertEquals("broken", outcomes.get(30.0));
        assertEquals("broken", outcomes.get(30.0));
        assertTrue(barrier.isBroken());
        assertEquals(0, barrier.nWaiting(), "a broken barrier has no waiters (Python's n_waiting)");
        assertEquals("Barrier(parties=3, waiting=0, broken)", barrier.toString());
        Barrier.Broken e = assertThrows(Barrier.Broken.class, barrier::await);
        assertEquals("barrier is broken (aborted, timed out or its action failed); reset() it first", e.getMessage());
        barrier.reset();
        assertFalse(barrier.isBroken());
        first.joinSuccessfully();
        second.joinSuccessfully();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldBreakABarrierWhenAWaitTimesOut(Context ctx) throws Exception {
        Barrier barrier = ctx.barrier(2, null, 0.1);
        long start = System.nanoTime();
        Barrier.Broken e = assertThrows(Barrier.Broken.class, barrier::await);
        assertTrue(System.nanoTime() - start >= 100_000_000L);
        assertEquals("barrier timed out waiting for 2 parties; it is now broken", e.getMessage());
        assertTrue(barrier.isBroken());
        barrier.reset();
        Thread other = new Thread(() -> barrier.await(5.0));
        other.start();
        int index = barrier.await(5.0);
        other.join();
        assertTrue(index == 0 || index == 1, "arrival index " + index);
        assertFalse(barrier.isBroken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldTimeOutByTheDefaultTimeoutGivenAsADuration(Context ctx) {
        Barrier barrier = ctx.barrier(2, null, Duration.ofMillis(50));
        assertThrows(Barrier.Broken.class, barrier::await);
        assertTrue(barrier.isBroken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldBreakWaitersOfABarrierThatIsReset(Context ctx) throws Exception {
        Barrier barrier = ctx.barrier(2);
        AtomicReference<String> broken = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                barrier.await(10.0);
            } catch (Barrier.Broken e) {
                broken.set(e.getMessage());
            }
        });
        waiter.start();
        awaitWaiting(barrier, 1);
        barrier.reset();
        waiter.join();
        assertEquals("barrier was reset while waiting", broken.get());
        assertFalse(barrier.isBroken());
        assertEquals(0, barrier.nWaiting());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldBreakTheBarrierWhenItsActionFails(Context ctx) throws Exception {
        Barrier barrier = ctx.barrier(2, () -> {
            throw new IllegalStateException("action failed");
        });
        AtomicReference<String> waiterSaw = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                barrier.await(10.0);
                waiterSaw.set("passed");
            } catch (Barrier.Broken e) {
                waiterSaw.set(e.getMessage());
            }
        });
        waiter.start();
        awaitWaiting(barrier, 1);
        Barrier.Broken e = assertThrows(Barrier.Broken.class, () -> barrier.await(10.0));
        assertEquals("the barrier action failed: java.lang.IllegalStateException: action failed", e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        waiter.join();
        assertEquals("barrier was broken while waiting (aborted, timed out or its action failed)", waiterSaw.get());
        assertTrue(barrier.isBroken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldBeUsableAgainAfterEachRelease(Context ctx) throws Exception {
        int parties = 4;
        int rounds = 100;
        Barrier barrier = ctx.barrier(parties);
        AtomicInteger indexSum = new AtomicInteger();
        Thread[] others = new Thread[parties - 1];
        for (int t = 0; t < others.length; t++) {
            others[t] = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    indexSum.addAndGet(barrier.await(10.0));
                }
            });
            others[t].start();
        }
        for (int i = 0; i < rounds; i++) {
            indexSum.addAndGet(barrier.await(10.0));
        }
        for (Thread other : others) {
            other.join();
        }
        assertEquals(rounds * (0 + 1 + 2 + 3), indexSum.get(), "each round hands out the indexes 0 to 3 once");
        assertFalse(barrier.isBroken());
        assertEquals(0, barrier.nWaiting());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRefuseABarrierWithoutParties(Context ctx) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ctx.barrier(0));
        assertEquals("a barrier needs at least 1 party, got 0", e.getMessage());
        assertEquals(0, ctx.barrier(1).await(), "a barrier of one party releases its only party at once");
    }

    @Test
    void shouldRefuseToSendABarrierOfTheThreadContextToAnotherProcess() {
        Barrier barrier = Multiprocessing.getContext("thread").barrier(2);
        NotTransferableException e = assertThrows(NotTransferableException.class,
                () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(barrier));
        assertEquals("a Barrier of the thread context lives in this JVM only and cannot be sent to another process:"
                + " make it with Multiprocessing.getContext().barrier(parties) to share it with processes", e.getMessage());
    }

    private static void awaitWaiting(Barrier barrier, int parties) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (barrier.nWaiting() < parties && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(parties, barrier.nWaiting());
    }
}
