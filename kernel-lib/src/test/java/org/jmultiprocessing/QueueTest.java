package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.BitSet;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class QueueTest {
    @Test
    void shouldDeliverItemsInOrderBetweenThreads() throws Exception {
        Queue<Object> queue = new Queue<>();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                queue.put(i);
            }
            queue.put("done");
        });
        producer.start();
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, queue.get());
        }
        assertEquals("done", queue.get());
        producer.join();
        assertTrue(queue.empty());
        queue.close();
    }

    @Test
    void shouldNotBlockPutWhenMoreThanTheRingHoldsIsPutBeforeAnyGet() {
        Queue<byte[]> queue = new Queue<>();
        for (int i = 0; i < 5_000; i++) {
            queue.put(new byte[1024]);
        }
        assertEquals(5_000, queue.qsize());
        for (int i = 0; i < 5_000; i++) {
            assertEquals(1024, queue.get().length);
        }
        assertTrue(queue.empty());
    }

    @Test
    void shouldCarryEveryKindOfItem() {
        Queue<Object> queue = new Queue<>();
        List<Object> items = List.of(42, 7L, 2.5, true, "héllo", new ArrayList<>(List.of("a", "b")));
        for (Object item : items) {
            queue.put(item);
        }
        queue.put(null);
        queue.put(new byte[] {1, 2, 3});
        for (Object item : items) {
            assertEquals(item, queue.get());
        }
        assertNull(queue.get());
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) queue.get());
    }

    @Test
    void shouldRaiseEmptyAfterTheTimeoutOnAnEmptyQueue() {
        Queue<Integer> queue = new Queue<>();
        long start = System.nanoTime();
        assertThrows(Queue.Empty.class, () -> queue.get(0.1));
        assertTrue(System.nanoTime() - start >= 100_000_000L, "waited less than 0.1 s");
        assertThrows(Queue.Empty.class, queue::getNowait);
        assertThrows(Queue.Empty.class, () -> queue.get(false, 10));
    }

    @Test
    void shouldRaiseFullWhenABoundedQueueIsFull() {
        Queue<Integer> queue = new Queue<>(2);
        queue.put(1);
        queue.put(2, 1.0);
        assertTrue(queue.full());
        long start = System.nanoTime();
        assertThrows(Queue.Full.class, () -> queue.put(3, 0.05));
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        assertThrows(Queue.Full.class, () -> queue.putNowait(3));
        assertEquals(1, queue.get());
        queue.putNowait(3);
        assertEquals(2, queue.get());
        assertEquals(3, queue.get());
    }

    @Test
    void shouldTakePythonsPutAndGetWithABlockFlag() throws Exception {
        Queue<Integer> queue = new Queue<>(1);
        assertThrows(Queue.Empty.class, () -> queue.get(false), "get(False) raises Empty at once");
        queue.put(1, false);
        assertThrows(Queue.Full.class, () -> queue.put(2, false), "put(x, False) raises Full at once");
        Thread taker = new Thread(() -> {
            sleepQuietly(100);
            queue.get();
        });
        taker.start();
        queue.put(2, true);                  // waits for the taker to make room
        taker.join();
        assertEquals(2, queue.get(true));
        Thread putter = new Thread(() -> {
            sleepQuietly(100);
            queue.put(3);
        });
        putter.start();
        assertEquals(3, queue.get(true));    // waits for the putter
        putter.join();

        Queue<Boolean> flags = new Queue<>();
        flags.put(true, false);
        assertEquals(true, flags.get(false));

        JoinableQueue<String> tasks = new JoinableQueue<>();
        tasks.put("a", false);
        assertFalse(tasks.join(java.time.Duration.ofMillis(10)), "put(x, False) counts a task");
        assertEquals("a", tasks.get(false));
        tasks.taskDone();
        assertTrue(tasks.join(java.time.Duration.ofSeconds(5)));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldStopAWaitingGetWhenTheThreadIsInterruptedAndStayUsable() throws Exception {
        Queue<Integer> queue = new Queue<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                queue.get();
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        waiter.start();
        Thread.sleep(100);
        waiter.interrupt();
        waiter.join(5_000);
        assertInstanceOf(java.util.concurrent.CancellationException.class, outcome.get());
        queue.put(5);
        assertEquals(5, queue.get(1.0));
    }

    @Test
    void shouldKeepWorkingAfterAConsumerIsKilledWhileWaitingInGet() throws Exception {
        Queue<Integer> queue = new Queue<>();
        Event waiting = new Event();
        ChildJvm consumer = ChildJvm.start(() -> {
            waiting.set();
            queue.get();
        });
        assertTrue(waiting.await(30.0));
        Thread.sleep(300);
        consumer.kill();
        consumer.join();
        queue.put(42);
        assertEquals(42, queue.get(10.0));
    }

    @Test
    void shouldRefuseUseAfterClose() {
        Queue<Integer> queue = new Queue<>();
        queue.close();
        assertThrows(IllegalStateException.class, () -> queue.put(1));
        assertThrows(IllegalStateException.class, queue::get);
    }

    @Test
    void shouldCountTasksOfAJoinableQueue() throws Exception {
        JoinableQueue<Integer> queue = new JoinableQueue<>();
        queue.put(1);
        queue.put(2);
        Thread worker = new Thread(() -> {
            queue.get();
            queue.taskDone();
            queue.get();
            queue.taskDone();
        });
        worker.start();
        queue.join();
        worker.join();
        assertThrows(IllegalStateException.class, queue::taskDone);
    }

    @Test
    void shouldPassItemsThroughASimpleQueue() {
        SimpleQueue<String> queue = new SimpleQueue<>();
        assertTrue(queue.empty());
        queue.put("a");
        queue.put("b");
        assertFalse(queue.empty());
        assertEquals("a", queue.get());
        assertEquals("b", queue.get());
        assertTrue(queue.empty());
    }

    @Test
    void shouldPassItemsFromAChildProcessToTheParent() throws Exception {
        Queue<Object> queue = new Queue<>();
        ChildJvm child = ChildJvm.start(() -> {
            for (int i = 0; i < 1000; i++) {
                queue.put(i);
            }
            queue.put("from child " + ProcessHandle.current().pid());
        });
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, queue.get(30.0));
        }
        assertEquals("from child " + child.pid(), queue.get(30.0));
        child.joinSuccessfully();
    }

    @Test
    void shouldDeliverEveryItemExactlyOnceFromFourProducerToFourConsumerProcesses() throws Exception {
        int producers = 4;
        int consumers = 4;
        int perProducer = 250_000;
        Queue<Integer> items = new Queue<>();
        Queue<byte[]> results = new Queue<>();
        List<ChildJvm> children = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            children.add(ChildJvm.start(() -> {
                BitSet seen = new BitSet(producers * perProducer);
                while (true) {
                    int item = items.get();
                    if (item < 0) {
                        break;
                    }
                    if (seen.get(item)) {
                        throw new AssertionError("item " + item + " received twice");
                    }
                    seen.set(item);
                }
                results.put(seen.toByteArray());
            }));
        }
        List<ChildJvm> producerChildren = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int first = p * perProducer;
            producerChildren.add(ChildJvm.start(() -> {
                for (int i = first; i < first + perProducer; i++) {
                    items.put(i);
                }
            }));
        }
        for (ChildJvm producer : producerChildren) {
            producer.joinSuccessfully();
        }
        for (int c = 0; c < consumers; c++) {
            items.put(-1);
        }
        BitSet all = new BitSet();
        int total = 0;
        for (int c = 0; c < consumers; c++) {
            BitSet seen = BitSet.valueOf(results.get(60.0));
            total += seen.cardinality();
            all.or(seen);
        }
        for (ChildJvm consumer : children) {
            consumer.joinSuccessfully();
        }
        assertEquals(producers * perProducer, total, "items received in total");
        assertEquals(producers * perProducer, all.cardinality(), "distinct items received");
        assertTrue(items.empty());
    }

    @Test
    void shouldCarryA256MiBByteArrayFromAChildProcess() throws Exception {
        Queue<byte[]> queue = new Queue<>();
        ChildJvm child = ChildJvm.start("800m", () -> {
            byte[] big = new byte[256 << 20];
            for (int i = 0; i < big.length; i += 4096) {
                big[i] = (byte) (i >>> 12);
            }
            big[big.length - 1] = 99;
            queue.put(big);
        });
        byte[] received = queue.get(60.0);
        assertEquals(256 << 20, received.length);
        for (int i = 0; i < received.length; i += 4096) {
            assertEquals((byte) (i >>> 12), received[i]);
        }
        assertEquals(99, received[received.length - 1]);
        child.joinSuccessfully();
    }

    @Test
    void shouldThrowIllegalStateOnUseAfterClose() {
        Queue<Integer> queue = new Queue<>();
        queue.put(1);
        queue.close();
        for (org.junit.jupiter.api.function.Executable use : List.<org.junit.jupiter.api.function.Executable>of(
                () -> queue.put(2), queue::get, queue::getNowait, queue::qsize, queue::empty)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertEquals("queue is closed in this process (close() was called)", e.getMessage());
        }
        assertEquals("Queue(closed)", queue.toString());
        SimpleQueue<Integer> simple = new SimpleQueue<>();
        simple.close();
        assertThrows(IllegalStateException.class, () -> simple.put(1));
        assertThrows(IllegalStateException.class, simple::get);
        assertThrows(IllegalStateException.class, simple::empty);
        assertEquals("SimpleQueue(closed)", simple.toString());
        JoinableQueue<Integer> joinable = new JoinableQueue<>();
        joinable.put(1);
        joinable.get();
        joinable.close();
        assertThrows(IllegalStateException.class, joinable::taskDone);
        assertThrows(IllegalStateException.class, joinable::join);
    }

    @Test
    void shouldNeverTouchUnmappedMemoryWhenClosedWhileOtherThreadsUseIt() throws Exception {
        ClosingRace.run(2, Queue<Integer>::new, queue -> {
            queue.put(1);
            queue.qsize();
            try {
                queue.getNowait();
            } catch (Queue.Empty takenByTheOtherThread) {
                // the other user took it
            }
        }, Queue::close, "queue is closed");
        ClosingRace.run(1, SimpleQueue<Integer>::new, queue -> {
            queue.put(1);
            queue.get();
        }, SimpleQueue::close, "queue is closed");
    }
}
