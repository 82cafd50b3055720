package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyncTest {
    @Test
    void shouldWakeAConditionWaiterInAnotherProcess() throws Exception {
        Condition condition = new Condition();
        Value.OfInt ready = Value.ofInt(0);
        Queue<String> result = new Queue<>();
        ChildJvm child = ChildJvm.start(() -> {
            try (Held held = condition.acquired()) {
                boolean ok = condition.awaitUntil(() -> ready.get() == 1, 30.0);
                result.put(ok ? "woken" : "timed out");
            }
        });
        Thread.sleep(200);
        try (Held held = condition.acquired()) {
            ready.set(1);
            condition.signalAll();
        }
        assertEquals("woken", result.get(30.0));
        child.joinSuccessfully();
    }

    @Test
    void shouldTimeOutAConditionWaitAndHoldTheLockAgain() {
        Condition condition = new Condition(new Lock());
        try (Held held = condition.acquired()) {
            long start = System.nanoTime();
            assertFalse(condition.await(0.1));
            assertTrue(System.nanoTime() - start >= 100_000_000L);
            assertEquals(0, ((Lock) condition.getLock()).getValue(), "lock not held again after the wait");
        }
        assertThrows(IllegalStateException.class, condition::signal);
        assertThrows(IllegalStateException.class, condition::await);
    }

    @Test
    void shouldNameTheHolderOfAConditionsLockWhenAnotherThreadUsesTheCondition() throws Exception {
        String acquireFirst = " (acquire it first: try (var held = condition.acquired()) { ... })";
        for (Condition condition : new Condition[] {new Condition(), new Condition(new Lock())}) {
            assertEquals("cannot signal on a condition whose lock is not held by any thread" + acquireFirst,
                    assertThrows(IllegalStateException.class, condition::signal).getMessage());
            try (Held held = condition.acquired()) {
                AtomicReference<String> message = new AtomicReference<>();
                Thread other = new Thread(() -> message.set(
                        assertThrows(IllegalStateException.class, condition::await).getMessage()), "other-thread");
                other.start();
                other.join();
                assertEquals("cannot await on a condition whose lock is held by thread '" + Thread.currentThread().getName()
                        + "'; the current thread is 'other-thread'" + acquireFirst, message.get());
            }
        }
    }

    @Test
    void shouldAcquireAConditionsLockWithPythonsBlockFlag() throws Exception {
        Condition condition = new Condition(new Lock());
        assertTrue(condition.acquire(false));
        AtomicReference<Boolean> acquiredByOther = new AtomicReference<>();
        Thread other = new Thread(() -> acquiredByOther.set(condition.acquire(false)));
        other.start();
        other.join();
        assertEquals(false, acquiredByOther.get(), "acquire(False) returns at once while another thread holds the lock");
        condition.release();
        assertTrue(condition.acquire(true));
        condition.release();
    }

    @Test
    void shouldWakeAtMostNWaiters() throws Exception {
        Condition condition = new Condition();
        AtomicInteger woken = new AtomicInteger();
        Thread[] waiters = new Thread[3];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = new Thread(() -> {
                try (Held held = condition.acquired()) {
                    if (condition.await(2.0)) {
                        woken.incrementAndGet();
                    }
                }
            });
            waiters[i].start();
        }
        Thread.sleep(300);
        try (Held held = condition.acquired()) {
            condition.signal(2);
        }
        for (Thread waiter : waiters) {
            waiter.join();
        }
        assertEquals(2, woken.get());
    }
}
