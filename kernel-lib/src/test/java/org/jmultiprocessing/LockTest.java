package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockTest {
    @Test
    void shouldRefuseToReleaseAnUnheldLock() {
        Lock lock = new Lock();
        assertThrows(IllegalStateException.class, lock::release);
        lock.acquire();
        lock.release();
        assertThrows(IllegalStateException.class, lock::release);
    }

    @Test
    void shouldNotAcquireAHeldLockWithinTheTimeout() {
        Lock lock = new Lock();
        assertTrue(lock.acquire());
        assertFalse(lock.acquire(false));
        long start = System.nanoTime();
        assertFalse(lock.acquire(true, 0.1));
        assertTrue(System.nanoTime() - start >= 100_000_000L);
        lock.release();
        assertTrue(lock.acquire(java.time.Duration.ofMillis(10)));
        lock.release();
    }

    @Test
    void shouldReleaseWhenTheTryWithResourcesBlockEnds() {
        Lock lock = new Lock();
        try (Held held = lock.acquired()) {
            assertEquals(0, lock.getValue());
        }
        assertEquals(1, lock.getValue());
    }

    @Test
    void shouldLetTheOwnerOfAnRLockReenterAndOnlyTheOwnerRelease() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        lock.acquire();
        Thread other = new Thread(() -> {
            assertFalse(lock.acquire(false));
            assertThrows(IllegalStateException.class, lock::release);
        });
        other.start();
        other.join();
        lock.release();
        assertTrue(lock.isOwnedByCurrentThread());
        lock.release();
        assertFalse(lock.isOwnedByCurrentThread());
        assertThrows(IllegalStateException.class, lock::release);
    }

    @Test
    void shouldNameTheHoldingThreadAndTheCurrentOneWhenAnRLockIsReleasedByAnother() throws Exception {
        RLock lock = new RLock();
        lock.acquire();
        AtomicReference<String> message = new AtomicReference<>();
        Thread other = new Thread(() -> message.set(assertThrows(IllegalStateException.class, lock::release).getMessage()),
                "other-thread");
        other.start();
        other.join();
        assertEquals("cannot release an RLock held by thread '" + Thread.currentThread().getName() + "'; the current"
                + " thread is 'other-thread' (only the thread holding an RLock may release it)", message.get());
        lock.release();
        assertEquals("cannot release an RLock not held by any thread (only the thread holding an RLock may release it)",
                assertThrows(IllegalStateException.class, lock::release).getMessage());
    }

    @Test
    void shouldSayThatTheThreadHoldingAnRLockHasEnded() throws Exception {
        RLock lock = new RLock();
        Thread holder = new Thread(lock::acquire, "holder");
        holder.start();
        holder.join();
        assertEquals("cannot release an RLock held by thread id " + holder.getId() + ", which has ended; the current"
                + " thread is '" + Thread.currentThread().getName() + "' (only the thread holding an RLock may release it)",
                assertThrows(IllegalStateException.class, lock::release).getMessage());
    }

    @Test
    void shouldNameTheProcessWhoseThreadHoldsAnRLock() throws Exception {
        RLock lock = new RLock();
        Event held = new Event();
        Event exit = new Event();
        ChildJvm child = ChildJvm.start(() -> {
            lock.acquire();
            held.set();
            exit.await(30.0);
        });
        assertTrue(held.await(30.0));
        String whileRunning = assertThrows(IllegalStateException.class, lock::release).getMessage();
        assertTrue(whileRunning.matches("cannot release an RLock held by thread id \\d+ of process " + child.pid()
                + "; the current thread is '.*"), whileRunning);
        exit.set();
        child.joinSuccessfully();
        String afterExit = assertThrows(IllegalStateException.class, lock::release).getMessage();
        assertTrue(afterExit.matches("cannot release an RLock held by thread id \\d+ of process " + child.pid()
                + ", which has exited; the current thread is '.*"), afterExit);
    }

    @Test
    void shouldCountPermitsOfSemaphores() {
        Semaphore semaphore = new Semaphore(2);
        assertTrue(semaphore.acquire(false));
        assertTrue(semaphore.acquire(false));
        assertFalse(semaphore.acquire(false));
        semaphore.release();
        semaphore.release();
        semaphore.release();
        assertEquals(3, semaphore.getValue());

        BoundedSemaphore bounded = new BoundedSemaphore(2);
        bounded.acquire();
        bounded.release();
        assertThrows(IllegalStateException.class, bounded::release);
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    }

    @Test
    void shouldExcludeAnotherProcessWhileHeld() throws Exception {
        Lock lock = new Lock();
        Event held = new Event();
        Event release = new Event();
        ChildJvm child = ChildJvm.start(() -> {
            lock.acquire();
            held.set();
            release.await(30.0);
            lock.release();
        });
        assertTrue(held.await(30.0));
        assertFalse(lock.acquire(true, 0.05), "acquired a lock another process holds");
        release.set();
        assertTrue(lock.acquire(true, 30.0));
        lock.release();
        child.joinSuccessfully();
    }

    @Test
    void shouldShareSemaphorePermitsWithAChildProcess() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        ChildJvm child = ChildJvm.start(() -> {
            for (int i = 0; i < 3; i++) {
                semaphore.release();
            }
        });
        for (int i = 0; i < 3; i++) {
            assertTrue(semaphore.acquire(true, 30.0));
        }
        child.joinSuccessfully();
        assertEquals(0, semaphore.getValue());
    }

    @Test
    void shouldThrowIllegalStateOnUseAfterClose() {
        Lock lock = new Lock();
        lock.close();
        lock.close();
        for (org.junit.jupiter.api.function.Executable use : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                lock::acquire, () -> lock.acquire(false), lock::release, lock::getValue, lock::acquired)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertEquals("lock is closed in this instance (close() was called)", e.getMessage());
        }
        assertEquals("Lock(closed)", lock.toString());
        RLock rlock = new RLock();
        rlock.acquire();
        rlock.close();
        assertThrows(IllegalStateException.class, rlock::release);
        assertThrows(IllegalStateException.class, rlock::isOwnedByCurrentThread);
        Semaphore semaphore = new BoundedSemaphore(2);
        semaphore.close();
        assertThrows(IllegalStateException.class, semaphore::acquire);
        assertThrows(IllegalStateException.class, semaphore::release);
    }

    @Test
    void shouldNeverTouchUnmappedMemoryWhenClosedWhileOtherThreadsUseIt() throws Exception {
        ClosingRace.run(2, Semaphore::new, semaphore -> {
            semaphore.release();
            semaphore.acquire();
            semaphore.getValue();
        }, SemLock::close, "semaphore is closed");
    }

    @Test
    void shouldKeepAValuesLockWorkingForTheValueWhenAnotherInstanceOfTheLockIsClosed() {
        Value.OfInt value = Value.ofInt(1);
        RLock lock = value.getLock();
        assertEquals(2, value.addAndGet(1));
        lock.close();
        assertThrows(IllegalStateException.class, lock::acquire);
        assertEquals(3, RawValue.ofInt(2).addAndGet(1));
        assertEquals(2, value.get());
    }
}
