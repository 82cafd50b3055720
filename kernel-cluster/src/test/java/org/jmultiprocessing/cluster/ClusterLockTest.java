package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.BoundedSemaphore;
import org.jmultiprocessing.Condition;
import org.jmultiprocessing.Context;
import org.jmultiprocessing.Lock;
import org.jmultiprocessing.RLock;
import org.jmultiprocessing.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedCluster.Scope.class)
class ClusterLockTest {
    private final Context ctx = EmbeddedCluster.get().newContext();

    @Test
    void shouldLetAnotherThreadReleaseALock() throws Exception {
        Lock lock = ctx.lock();
        assertTrue(lock.acquire());
        assertFalse(lock.acquire(false));
        // As a notebook cell acquires and the next cell, on another thread, releases.
        CompletableFuture.runAsync(lock::release).get(10, TimeUnit.SECONDS);
        assertTrue(lock.acquire(true, 1.0));
        lock.release();
        assertThrows(IllegalStateException.class, lock::release);
        assertTrue(lock.toString().contains("unlocked"), lock.toString());
    }

    @Test
    void shouldWaitForALockHeldElsewhereUntilItIsReleased() throws Exception {
        Lock lock = ctx.lock();
        lock.acquire();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> lock.acquire(true, 10.0));
        Thread.sleep(200);
        assertFalse(waiter.isDone());
        lock.release();
        assertTrue(waiter.get(10, TimeUnit.SECONDS));
        assertFalse(lock.acquire(true, 0.1), "held by the waiter now");
    }

    @Test
    void shouldLetOnlyTheOwnerReleaseAnRLockAndCountItsDepth() throws Exception {
        RLock rlock = ctx.rlock();
        rlock.acquire();
        rlock.acquire();
        assertTrue(rlock.toString().contains("depth 2"), rlock.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> join(CompletableFuture.runAsync(rlock::release)));
        assertTrue(e.getMessage().contains("held by thread '" + Thread.currentThread().getName() + "'"), e.getMessage());
        assertFalse(CompletableFuture.supplyAsync(() -> rlock.acquire(false)).get(10, TimeUnit.SECONDS));
        rlock.release();
        rlock.release();
        assertTrue(CompletableFuture.supplyAsync(() -> rlock.acquire(false)).get(10, TimeUnit.SECONDS));
    }

    private static void join(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void shouldCountPermitsOfSemaphoresAndKeepABoundedOneAtItsBound() {
        Semaphore s = ctx.semaphore(2);
        assertTrue(s.acquire());
        assertTrue(s.acquire());
        assertFalse(s.acquire(true, 0.1));
        s.release();
        s.release();
        s.release();
        assertEquals(3, s.getValue());
        BoundedSemaphore b = ctx.boundedSemaphore(1);
        assertThrows(IllegalStateException.class, b::release);
        assertTrue(b.acquire());
        assertEquals(0, b.getValue());
    }

    @Test
    void shouldWakeAConditionsWaiterAndGiveItTheLockBack() throws Exception {
        Condition c = ctx.condition();
        java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            c.acquire();
            try {
                return c.awaitUntil(ready::get, 10.0);
            } finally {
                c.release();
            }
        });
        Thread.sleep(200);
        c.acquire();
        ready.set(true);
        c.signalAll();
        c.release();
        assertTrue(waiter.get(10, TimeUnit.SECONDS));
        c.acquire();
        assertFalse(c.await(0.1), "nobody signals");
        c.release();
    }

    @Test
    void shouldReachTheSameLockAfterTravelling() throws Exception {
        Lock lock = ctx.lock();
        Lock arrived = Transit.roundTrip(lock);
        arrived.acquire();
        assertFalse(lock.acquire(false));
        lock.release();
        assertTrue(arrived.acquire(false));
    }
}
