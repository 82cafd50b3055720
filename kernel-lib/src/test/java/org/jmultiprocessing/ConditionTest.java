package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConditionTest {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldTimeOutAConditionWaitAndHoldTheLockAgain(Context ctx) {
        Condition condition = ctx.condition(ctx.lock());
        try (Held held = condition.acquired()) {
            long start = System.nanoTime();
            assertFalse(condition.await(0.1));
            assertTrue(System.nanoTime() - start >= 100_000_000L);
            assertEquals(0, ((Lock) condition.getLock()).getValue(), "lock not held again after the wait");
        }
        assertThrows(IllegalStateException.class, condition::signal);
        assertThrows(IllegalStateException.class, condition::await);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldNameTheHolderOfAConditionsLockWhenAnotherThreadUsesTheCondition(Context ctx) throws Exception {
        String acquireFirst = " (acquire it first: try (var held = condition.acquired()) { ... })";
        for (Condition condition : new Condition[] {ctx.condition(), ctx.condition(ctx.lock())}) {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldAcquireAConditionsLockWithPythonsBlockFlag(Context ctx) throws Exception {
        Condition condition = ctx.condition(ctx.lock());
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldWakeAtMostNWaiters(Context ctx) throws Exception {
        Condition condition = ctx.condition();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReleaseAnRLockFullyForTheWaitAndRestoreItsDepth(Context ctx) throws Exception {
        RLock lock = ctx.rlock();
        Condition condition = ctx.condition(lock);
        lock.acquire();
        lock.acquire();
        AtomicReference<Boolean> freeDuringTheWait = new AtomicReference<>();
        Thread signaller = new Thread(() -> {
            freeDuringTheWait.set(lock.acquire(true, 30.0));
            condition.signal();
            lock.release();
        });
        signaller.start();
        assertTrue(condition.await(30.0));
        signaller.join();
        assertTrue(freeDuringTheWait.get(), "another thread could not take the RLock while its owner waited");
        lock.release();
        assertTrue(lock.isOwnedByCurrentThread(), "the wait did not restore both levels");
        lock.release();
        assertFalse(lock.isOwnedByCurrentThread());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldNotLeaveAnInterruptedWaiterCountedForTheNextSignal(Context ctx) throws Exception {
        Condition condition = ctx.condition();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try (Held held = condition.acquired()) {
                condition.await(30.0);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        waiter.start();
        while (!condition.toString().endsWith("waiting 1)")) {
            Thread.sleep(5);
        }
        Thread.sleep(50); // into the sleeping part of the wait, where an interrupt ends it
        waiter.interrupt();
        waiter.join();
        assertInstanceOf(CancellationException.class, outcome.get());
        try (Held held = condition.acquired()) {
            assertTrue(condition.toString().endsWith("waiting 0)"), condition.toString());
            condition.signal();
            assertFalse(condition.await(0.05), "woken by a signal given while nobody waited");
        }
    }

    @Test
    void shouldRefuseToSendAConditionOfTheThreadContextToAnotherProcess() {
        Condition condition = Multiprocessing.getContext("thread").condition();
        NotTransferableException e = assertThrows(NotTransferableException.class,
                () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(condition));
        assertTrue(e.getMessage().startsWith("a Condition of the thread context is an object of this JVM"), e.getMessage());
    }
}
