package org.jmultiprocessing.internal.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.jmultiprocessing.Func;
import org.jmultiprocessing.RemoteTraceback;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ListCall;
import org.jmultiprocessing.spi.StreamCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pool engine in one JVM: its jobs, chunks, ordering, failures and read-ahead window, run by the thread
 * backend's workers (no child JVM starts, so each case takes milliseconds).
 */
class PoolEngineTest {
    private PoolEngine engine;

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            engine.terminate();
            assertTrue(engine.join(Deadline.deadlineAfterSeconds(10)), "the worker threads end");
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void shouldCompleteAChunkOnlyWhenAllItsItemsAreDone() throws Exception {
        engine = PoolEngine.ofThreads(1, null, 0);
        Semaphore gate = new Semaphore(0);
        ListCall call = engine.submit((Func<Integer, Integer>) x -> {
            gate.acquire();
            return x * 10;
        }, false, range(10), 3, false);
        gate.release(2);
        assertEquals(0, call.progress().snapshot().done(), "two items of a chunk of three: nothing is done yet");
        gate.release(1);
        awaitTrue(() -> call.progress().snapshot().done() == 3, "the first chunk of three ends");
        gate.release(7);
        assertEquals(range(10).stream().map(x -> x * 10).toList(), call.future().get(10, TimeUnit.SECONDS));
        assertEquals(10, call.progress().snapshot().done());
        assertTrue(call.progress().isFinished());
    }

    @Test
    void shouldKeepTheOrderOfTheInputWhateverOrderTheWorkersFinishIn() throws Throwable {
        engine = PoolEngine.ofThreads(3, null, 0);
        ListCall call = engine.submit((Func<Integer, Integer>) x -> {
            Thread.sleep((20 - x) % 4 * 5L);
            return -x;
        }, false, range(20), 1, false);
        assertEquals(range(20).stream().map(x -> -x).toList(), call.future().get(10, TimeUnit.SECONDS));

        CountDownLatch firstDelivered = new CountDownLatch(1);
        StreamCall unordered = engine.stream((Func<Integer, Integer>) x -> {
            if (x == 0) {
                firstDelivered.await();
            }
            return x;
        }, false, range(2).iterator(), 1, false);
        assertEquals(1, unordered.next(Deadline.deadlineAfterSeconds(10)), "item 0 waits: item 1 comes first");
        firstDelivered.countDown();
        assertEquals(0, unordered.next(Deadline.deadlineAfterSeconds(10)));
        assertSame(StreamCall.END, unordered.next(Deadline.deadlineAfterSeconds(10)));
    }

    @Test
    void shouldFailAListCallWithTheFirstFailureAndAStreamAtItsPosition() throws Throwable {
        engine = PoolEngine.ofThreads(2, null, 0);
        ListCall failing = engine.submit((Func<Integer, Integer>) x -> 6 / x, false, List.of(1, 0, 2), 1, false);
        ExecutionException e = assertThrows(ExecutionException.class, () -> failing.future().get(10, TimeUnit.SECONDS));
        ArithmeticException cause = assertInstanceOf(ArithmeticException.class, e.getCause());
        RemoteTraceback remote = assertInstanceOf(RemoteTraceback.class, cause.getCause());
        assertTrue(remote.getMessage().startsWith("in worker thread PoolThread-"), remote.getMessage());
        assertTrue(remote.getStackTrace()[0].getMethodName().startsWith("lambda$"), List.of(remote.getStackTrace()).toString());

        StreamCall stream = engine.stream((Func<Integer, Integer>) x -> 6 / x, false, List.of(1, 0, 2).iterator(), 1, true);
        assertEquals(6, stream.next(Deadline.FOREVER));
        assertThrows(ArithmeticException.class, () -> stream.next(Deadline.FOREVER));
        assertEquals(3, stream.next(Deadline.FOREVER), "iteration goes on after a failed item");
        assertSame(StreamCall.END, stream.next(Deadline.FOREVER));

        Object[] arguments = {2, 3};
        ListCall starred = engine.submit((org.jmultiprocessing.Func2<Integer, Integer, Integer>) (a, b) -> a * b, true,
                List.<Object>of((Object) arguments), 1, true);
        assertEquals(6, starred.future().get(10, TimeUnit.SECONDS), "the pool stays usable; apply gives the one result");
    }

    @Test
    void shouldReadAStreamsInputAtMostFourChunksPerWorkerAhead() throws Throwable {
        engine = PoolEngine.ofThreads(1, null, 0);
        AtomicInteger read = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return read.getAndIncrement();
            }
        };
        Semaphore gate = new Semaphore(0);
        StreamCall call = engine.stream((Func<Integer, Integer>) x -> {
            gate.acquire();
            return x;
        }, false, endless, 2, true);
        assertEquals(8, read.get(), "a window of 4 chunks of 2 for one worker");
        gate.release(4);
        for (int i = 0; i < 3; i++) {
            assertEquals(i, call.next(Deadline.deadlineAfterSeconds(10)));
        }
        assertEquals(10, read.get(), "one chunk consumed, one more read");
        call.cancel("enough");
        gate.release(100);
        assertEquals(3, call.next(Deadline.FOREVER), "the rest of a chunk already received is still handed out");
        CancellationException e = assertThrows(CancellationException.class, () -> call.next(Deadline.FOREVER));
        assertEquals("enough", e.getMessage());
    }

    @Test
    void shouldWaitForSubmittedWorkOnCloseAndRefuseNewWork() throws Exception {
        engine = PoolEngine.ofThreads(2, null, 0);
        ListCall call = engine.submit((Func<Integer, Integer>) x -> {
            Thread.sleep(10);
            return x;
        }, false, range(8), 1, false);
        engine.close();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> engine.submit((Func<Integer, Integer>) x -> x, false, range(1), 1, false));
        assertTrue(refused.getMessage().startsWith("Pool not running: it was closed"), refused.getMessage());
        assertTrue(engine.join(Deadline.deadlineAfterSeconds(10)));
        assertEquals(range(8), call.future().getNow(null), "the submitted work completed before the workers ended");
        assertTrue(engine.allStopped());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = Deadline.deadlineAfterSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Deadline.hasPassed(deadline)) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
