package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyncTest {
    @Test
    void shouldWaitForAnEventSetByAChildProcess() throws Exception {
        Event event = new Event();
        assertFalse(event.isSet());
        assertFalse(event.await(0.05));
        ChildJvm child = ChildJvm.start(event::set);
        assertTrue(event.await(30.0));
        assertTrue(event.isSet());
        event.clear();
        assertFalse(event.isSet());
        child.joinSuccessfully();
    }

    @Test
    void shouldReleaseAllPartiesOfABarrierWithDistinctIndexes() throws Exception {
        Queue<Integer> indexes = new Queue<>();
        Value.OfInt actions = Value.ofInt(0);
        Barrier barrier = new Barrier(3, () -> actions.addAndGet(1));
        ChildJvm first = ChildJvm.start(() -> indexes.put(barrier.await(30.0)));
        ChildJvm second = ChildJvm.start(() -> indexes.put(barrier.await(30.0)));
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
    }

    @Test
    void shouldBreakTheOtherWaitersWhenABarrierIsAborted() throws Exception {
        Barrier barrier = new Barrier(3);
        Queue<String> outcomes = new Queue<>();
        ChildJvm.Task waiter = () -> {
            try {
                barrier.await(30.0);
                outcomes.put("passed");
            } catch (Barrier.Broken e) {
                outcomes.put("broken");
            }
        };
        ChildJvm first = ChildJvm.start(waiter);
        ChildJvm second = ChildJvm.start(waiter);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (barrier.nWaiting() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, barrier.nWaiting());
        barrier.abort();
        assertEquals("broken", outcomes.get(30.0));
        assertEquals("broken", outcomes.get(30.0));
        assertTrue(barrier.isBroken());
        assertThrows(Barrier.Broken.class, barrier::await);
        barrier.reset();
        assertFalse(barrier.isBroken());
        first.joinSuccessfully();
        second.joinSuccessfully();
    }

    @Test
    void shouldBreakABarrierWhenAWaitTimesOut() throws Exception {
        Barrier barrier = new Barrier(2, null, 0.1);
        long start = System.nanoTime();
        assertThrows(Barrier.Broken.class, barrier::await);
        assertTrue(System.nanoTime() - start >= 100_000_000L);
        assertTrue(barrier.isBroken());
        barrier.reset();
        Thread other = new Thread(() -> barrier.await(5.0));
        other.start();
        int index = barrier.await(5.0);
        other.join();
        assertTrue(index == 0 || index == 1, "arrival index " + index);
        assertFalse(barrier.isBroken());
    }

    @Test
    void shouldBreakWaitersOfABarrierThatIsReset() throws Exception {
        Barrier barrier = new Barrier(2);
        AtomicInteger broken = new AtomicInteger();
        Thread waiter = new Thread(() -> {
            try {
                barrier.await(10.0);
            } catch (Barrier.Broken e) {
                broken.incrementAndGet();
            }
        });
        waiter.start();
        while (barrier.nWaiting() < 1) {
            Thread.sleep(5);
        }
        barrier.reset();
        waiter.join();
        assertEquals(1, broken.get());
        assertFalse(barrier.isBroken());
    }
}
