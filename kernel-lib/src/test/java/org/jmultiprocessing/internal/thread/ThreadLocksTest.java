package org.jmultiprocessing.internal.thread;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.SemaphoreImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The thread backend's locks in one JVM, for what the per-context suite cannot reach through the public classes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThreadLocksTest {
    @Test
    void shouldNeverCountABoundedPermitAboveItsBound() throws Exception {
        Permits permits = new Permits(1, 1);
        Thread[] releasers = new Thread[4];
        for (int i = 0; i < releasers.length; i++) {
            releasers[i] = new Thread(() -> {
                for (int n = 0; n < 10_000; n++) {
                    permits.release();
                }
            });
            releasers[i].start();
        }
        for (Thread releaser : releasers) {
            releaser.join();
        }
        assertEquals(1, permits.available());
        assertTrue(permits.acquire(Deadline.FOREVER));
        assertFalse(permits.acquire(System.nanoTime()));
    }

    @Test
    void shouldGiveUpAtTheDeadlineAndWakeForARelease() throws Exception {
        SemaphoreImpl semaphore = ThreadLocks.INSTANCE.semaphore(0);
        long start = System.nanoTime();
        assertFalse(semaphore.acquire(Deadline.deadlineAfter(TimeUnit.MILLISECONDS.toNanos(50))));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
        Thread releaser = new Thread(semaphore::release);
        releaser.start();
        assertTrue(semaphore.acquire(Deadline.deadlineAfter(TimeUnit.SECONDS.toNanos(20))));
        releaser.join();
        assertTrue(semaphore.release());
        assertFalse(ThreadLocks.INSTANCE.boundedSemaphore(1).release());
    }

    @Test
    void shouldEndAnInterruptedWaitWithACancellationKeepingTheInterrupt() throws Exception {
        for (LockImpl lock : new LockImpl[] {ThreadLocks.INSTANCE.lock(), ThreadLocks.INSTANCE.rlock()}) {
            assertTrue(lock.acquire(Deadline.FOREVER));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    lock.acquire(Deadline.FOREVER);
                } catch (Throwable e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            while (waiter.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            waiter.interrupt();
            waiter.join();
            assertInstanceOf(CancellationException.class, failure.get());
            assertTrue(stillInterrupted.get());
            assertTrue(lock.release());
        }
    }

    @Test
    void shouldReleaseEveryLevelOfAnRLockForAWaitAndShowTheDepthToOtherThreads() throws Exception {
        LockImpl lock = ThreadLocks.INSTANCE.rlock();
        lock.acquire(Deadline.FOREVER);
        lock.acquire(Deadline.FOREVER);
        lock.acquire(Deadline.FOREVER);
        AtomicReference<String> seen = new AtomicReference<>();
        Thread other = new Thread(() -> seen.set(lock.state()));
        other.start();
        other.join();
        assertEquals("owner thread '" + Thread.currentThread().getName() + "', depth 3", seen.get());
        assertEquals(3, lock.releaseFully());
        assertEquals(1, lock.value());
        assertFalse(lock.release());
        lock.reacquire(3);
        assertTrue(lock.release());
        assertTrue(lock.release());
        assertTrue(lock.isOwnedByCurrentThread());
        assertTrue(lock.release());
        assertEquals("unlocked", lock.state());
    }

    @Test
    void shouldLetAConditionOfThreadsWaitWithALockOfAnyKind() throws Exception {
        LockImpl lock = ThreadLocks.INSTANCE.lock();
        var condition = ThreadLocks.INSTANCE.condition();
        lock.acquire(Deadline.FOREVER);
        Thread signaller = new Thread(() -> {
            lock.acquire(Deadline.FOREVER);
            condition.signal(5);
            lock.release();
        });
        signaller.start();
        assertTrue(condition.await(lock, Deadline.deadlineAfter(TimeUnit.SECONDS.toNanos(20))));
        signaller.join();
        assertTrue(lock.isOwnedByCurrentThread());
        assertEquals(0, condition.waiting(), "a signal beyond the waiters was kept");
        assertFalse(condition.await(lock, System.nanoTime()));
        assertTrue(lock.release());
    }
}
