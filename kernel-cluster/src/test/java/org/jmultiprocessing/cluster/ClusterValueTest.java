package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.Array;
import org.jmultiprocessing.Context;
import org.jmultiprocessing.Event;
import org.jmultiprocessing.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedCluster.Scope.class)
class ClusterValueTest {
    private final Context ctx = EmbeddedCluster.get().newContext();

    @Test
    void shouldLoseNoIncrementFromSeveralThreads() throws Exception {
        Value.OfInt counter = ctx.value().ofInt(0);
        Value.OfDouble sum = ctx.value().ofDouble(0.5);
        Value.OfLong raw = ctx.rawValue().ofLong(10);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 25; i++) {
                    counter.addAndGet(1);
                    sum.addAndGet(1.0);
                    raw.addAndGet(2);
                }
            }));
        }
        for (CompletableFuture<Void> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        assertEquals(100, counter.get());
        assertEquals(100.5, sum.get());
        assertEquals(210, raw.get());
    }

    @Test
    void shouldGuardAReadModifyWriteWithTheValuesLock() throws Exception {
        Value.OfLong v = ctx.value().ofLong(0);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            workers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    v.withLock(() -> v.set(v.get() + 1));
                }
            }));
        }
        for (CompletableFuture<Void> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        assertEquals(30, v.get());
        assertTrue(v.getLock().acquire(false));
        assertEquals(1, v.addAndGet(-29), "addAndGet composes with the lock held by this thread");
        v.getLock().release();
    }

    @Test
    void shouldStoreEveryKindOfElementInArrays() throws Exception {
        Array.OfInt ints = ctx.array().ofInts(1, 2, 3);
        ints.set(1, -7);
        assertEquals(-7, ints.get(1));
        assertEquals(3, ints.length());
        Array.OfDouble doubles = ctx.array().ofDoubles(3);
        doubles.set(2, 2.5);
        assertEquals(2.5, doubles.get(2));
        Array.OfChar chars = ctx.array().ofChars("héllo");
        assertEquals('é', chars.get(1));
        Array.OfBoolean flags = ctx.rawArray().ofBooleans(2);
        flags.set(1, true);
        assertFalse(flags.get(0));
        assertTrue(flags.get(1));
        Value.OfByte b = ctx.value().ofByte((byte) -3);
        assertEquals(-3, b.get());
        Array.OfInt arrived = Transit.roundTrip(ints);
        arrived.set(0, 42);
        assertEquals(42, ints.get(0));
    }

    @Test
    void shouldWakeEventWaitersInOtherThreads() throws Exception {
        Event event = ctx.event();
        assertFalse(event.await(0.1));
        Event arrived = Transit.roundTrip(event);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> arrived.await(10.0));
        Thread.sleep(100);
        event.set();
        assertTrue(waiter.get(10, TimeUnit.SECONDS));
        assertTrue(arrived.isSet());
        event.clear();
        assertFalse(arrived.isSet());
    }

    @Test
    void shouldRefuseSharedMemoryNamingTheAlternative() {
        UnsupportedOperationException memory = assertThrows(UnsupportedOperationException.class,
                () -> EmbeddedCluster.get().backend("no-memory").memory());
        assertTrue(memory.getMessage().contains("Manager"), memory.getMessage());
    }
}
