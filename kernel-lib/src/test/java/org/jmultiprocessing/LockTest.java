package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRefuseToReleaseAnUnheldLock(Context ctx) {
        Lock lock = ctx.lock();
        assertThrows(IllegalStateException.class, lock::release);
        lock.acquire();
        lock.release();
        assertThrows(IllegalStateException.class, lock::release);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldNotAcquireAHeldLockWithinTheTimeout(Context ctx) {
        Lock lock = ctx.lock();
        assertTrue(lock.acquire());
        assertFalse(lock.acquire(false));
        long start = System.nanoTime();
        assertFalse(lock.acquire(true, 0.1));
        assertTrue(System.nanoTime() - start >= 100_000_000L);
        lock.release();
        assertTrue(lock.acquire(java.time.Duration.ofMillis(10)));
        lock.release();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReleaseWhenTheTryWithResourcesBlockEnds(Context ctx) {
        Lock lock = ctx.lock();
        try (Held held = lock.acquired()) {
            assertEquals(0, lock.getValue());
        }
        assertEquals(1, lock.getValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldLetTheOwnerOfAnRLockReenterAndOnlyTheOwnerRelease(Context ctx) throws Exception {
        RLock lock = ctx.rlock();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldNameTheHoldingThreadAndTheCurrentOneWhenAnRLockIsReleasedByAnother(Context ctx) throws Exception {
        RLock lock = ctx.rlock();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldSayThatTheThreadHoldingAnRLockHasEnded(Context ctx) throws Exception {
        RLock lock = ctx.rlock();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldCountPermitsOfSemaphores(Context ctx) {
        Semaphore semaphore = ctx.semaphore(2);
        assertTrue(semaphore.acquire(false));
        assertTrue(semaphore.acquire(false));
        assertFalse(semaphore.acquire(false));
        semaphore.release();
        semaphore.release();
        semaphore.release();
        assertEquals(3, semaphore.getValue());

        BoundedSemaphore bounded = ctx.boundedSemaphore(2);
        bounded.acquire();
        bounded.release();
        assertThrows(IllegalStateException.class, bounded::release);
        assertThrows(IllegalArgumentException.class, () -> ctx.semaphore(-1));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldThrowIllegalStateOnUseAfterClose(Context ctx) {
        Lock lock = ctx.lock();
        lock.close();
        lock.close();
        for (org.junit.jupiter.api.function.Executable use : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                lock::acquire, () -> lock.acquire(false), lock::release, lock::getValue, lock::acquired)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertEquals("lock is closed in this instance (close() was called)", e.getMessage());
        }
        assertEquals("Lock(closed)", lock.toString());
        RLock rlock = ctx.rlock();
        rlock.acquire();
        rlock.close();
        assertThrows(IllegalStateException.class, rlock::release);
        assertThrows(IllegalStateException.class, rlock::isOwnedByCurrentThread);
        Semaphore semaphore = ctx.boundedSemaphore(2);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldKeepAValuesLockWorkingForTheValueWhenAnotherInstanceOfTheLockIsClosed(Context ctx) {
        Value.OfInt value = ctx.value().ofInt(1);
        RLock lock = value.getLock();
        assertEquals(2, value.addAndGet(1));
        lock.close();
        assertThrows(IllegalStateException.class, lock::acquire);
        assertEquals(3, ctx.rawValue().ofInt(2).addAndGet(1));
        assertEquals(2, value.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldLetAnotherThreadReleaseALockAsPythonDoes(Context ctx) throws Exception {
        Lock lock = ctx.lock();
        lock.acquire();
        Thread other = new Thread(lock::release);
        other.start();
        other.join();
        assertEquals(1, lock.getValue());
        assertTrue(lock.acquire(false));
        lock.release();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldShowTheStateOfEachKind(Context ctx) {
        Lock lock = ctx.lock();
        assertEquals("Lock(unlocked)", lock.toString());
        lock.acquire();
        assertEquals("Lock(locked)", lock.toString());
        RLock rlock = ctx.rlock();
        assertEquals("RLock(unlocked)", rlock.toString());
        rlock.acquire();
        rlock.acquire();
        assertTrue(rlock.toString().endsWith(", depth 2)"), rlock.toString());
        assertEquals("Semaphore(value=3)", ctx.semaphore(3).toString());
        BoundedSemaphore bounded = ctx.boundedSemaphore(2);
        bounded.acquire();
        assertEquals("BoundedSemaphore(value=1)", bounded.toString());
        bounded.close();
        assertEquals("BoundedSemaphore(closed)", bounded.toString());
        assertEquals("bounded-semaphore released too many times: release() was called without a matching acquire()",
                assertThrows(IllegalStateException.class, () -> {
                    BoundedSemaphore full = ctx.boundedSemaphore(1);
                    full.release();
                }).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldWaitForAPermitUntilAnotherThreadReleasesOne(Context ctx) throws Exception {
        Semaphore semaphore = ctx.semaphore(0);
        Thread releaser = new Thread(() -> {
            sleepQuietly(50);
            semaphore.release();
        });
        releaser.start();
        assertTrue(semaphore.acquire(true, 30.0));
        releaser.join();
        assertEquals(0, semaphore.getValue());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldRefuseToSendALockOfTheThreadContextToAnotherProcess() {
        Context threads = Multiprocessing.getContext("thread");
        for (Object local : new Object[] {threads.lock(), threads.rlock(), threads.semaphore(), threads.boundedSemaphore()}) {
            NotTransferableException e = assertThrows(NotTransferableException.class,
                    () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(local));
            assertTrue(e.getMessage().contains("of the thread context is an object of this JVM and cannot be sent to another"
                    + " process; make it with Multiprocessing.getContext()"), e.getMessage());
        }
        assertThrows(UnsupportedOperationException.class, threads.lock()::path);
    }
}
