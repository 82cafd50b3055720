package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.BitSet;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class QueueTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldDeliverItemsInOrderBetweenThreads(Context ctx) throws Exception {
        Queue<Object> queue = ctx.queue();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldNotBlockPutWhenMoreThanTheRingHoldsIsPutBeforeAnyGet(Context ctx) {
        Queue<byte[]> queue = ctx.queue();
        for (int i = 0; i < 5_000; i++) {
            queue.put(new byte[1024]);
        }
        assertEquals(5_000, queue.qsize());
        for (int i = 0; i < 5_000; i++) {
            assertEquals(1024, queue.get().length);
        }
        assertTrue(queue.empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldCarryEveryKindOfItem(Context ctx) {
        Queue<Object> queue = ctx.queue();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRaiseEmptyAfterTheTimeoutOnAnEmptyQueue(Context ctx) {
        Queue<Integer> queue = ctx.queue();
        long start = System.nanoTime();
        assertThrows(Queue.Empty.class, () -> queue.get(0.1));
        assertTrue(System.nanoTime() - start >= 100_000_000L, "waited less than 0.1 s");
        assertThrows(Queue.Empty.class, queue::getNowait);
        assertThrows(Queue.Empty.class, () -> queue.get(false, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRaiseFullWhenABoundedQueueIsFull(Context ctx) {
        Queue<Integer> queue = ctx.queue(2);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldTakePythonsPutAndGetWithABlockFlag(Context ctx) throws Exception {
        Queue<Integer> queue = ctx.queue(1);
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

        Queue<Boolean> flags = ctx.queue();
        flags.put(true, false);
        assertEquals(true, flags.get(false));

        JoinableQueue<String> tasks = ctx.joinableQueue();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldStopAWaitingGetWhenTheThreadIsInterruptedAndStayUsable(Context ctx) throws Exception {
        Queue<Integer> queue = ctx.queue();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRefuseUseAfterClose(Context ctx) {
        Queue<Integer> queue = ctx.queue();
        queue.close();
        assertThrows(IllegalStateException.class, () -> queue.put(1));
        assertThrows(IllegalStateException.class, queue::get);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldCountTasksOfAJoinableQueue(Context ctx) throws Exception {
        JoinableQueue<Integer> queue = ctx.joinableQueue();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldPassItemsThroughASimpleQueue(Context ctx) {
        SimpleQueue<String> queue = ctx.simpleQueue();
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
    void shouldNotCopyALargeByteArrayWhileAReaderTakesIt() throws Exception {
        Queue<byte[]> queue = new Queue<>();
        byte[] big = pattern(64 << 20);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        List<Long> allocations = new ArrayList<>();
        // A few tries: a reader that gets no CPU for a while makes put copy the rest, as it should.
        for (int attempt = 0; attempt < 3; attempt++) {
            byte[][] received = new byte[1][];
            Thread reader = new Thread(() -> received[0] = queue.get());
            reader.start();
            long before = threads.getCurrentThreadAllocatedBytes();
            queue.put(big);
            allocations.add(threads.getCurrentThreadAllocatedBytes() - before);
            reader.join();
            assertArrayEquals(big, received[0]);
        }
        // The feeder's way would clone the array first; with a reader taking it, put streams it as it is.
        assertTrue(allocations.stream().anyMatch(bytes -> bytes < big.length / 8),
                "bytes put allocated for a " + big.length + "-byte array: " + allocations);
        queue.close();
    }

    @Test
    void shouldSendALargeByteArrayAsItWasAtPutWhenNobodyReadsYet() throws Exception {
        Queue<Object> queue = new Queue<>();
        byte[] big = pattern(8 << 20);
        byte[] expected = big.clone();
        queue.put(big);
        queue.put("after");
        java.util.Arrays.fill(big, (byte) 0);
        Thread other = new Thread(() -> queue.put("other thread"));
        other.start();
        other.join();
        assertArrayEquals(expected, (byte[]) queue.get());
        assertEquals("after", queue.get());
        assertEquals("other thread", queue.get());
        // Again while the feeder that finished the first one still lingers: it must take the new rest too.
        byte[] second = pattern(8 << 20 | 1);
        queue.put(second);
        byte[] received = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> (byte[]) queue.get());
        assertArrayEquals(second, received);
        assertTrue(queue.empty());
        queue.close();
    }

    @Test
    void shouldKeepEveryItemWhenThreadsSendLargeAndSmallItemsTogether() throws Exception {
        Queue<Object> queue = new Queue<>();
        int rounds = 20;
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int sender = t;
            senders.add(new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    queue.put(i % 2 == 0 ? (Object) pattern((3 << 20) + sender) : sender * 1000 + i);
                }
            }));
        }
        senders.forEach(Thread::start);
        int[] next = new int[3];
        for (int n = 0; n < 3 * rounds; n++) {
            Object item = queue.get(60.0);
            if (item instanceof byte[] bytes) {
                int sender = bytes.length - (3 << 20);
                assertArrayEquals(pattern(bytes.length), bytes);
                assertEquals(0, next[sender] % 2, "sender " + sender + "'s items out of order");
                next[sender]++;
            } else {
                int sender = (Integer) item / 1000;
                assertEquals(next[sender], (Integer) item % 1000, "sender " + sender + "'s items out of order");
                next[sender]++;
            }
        }
        for (Thread sender : senders) {
            sender.join();
        }
        assertArrayEquals(new int[] {rounds, rounds, rounds}, next);
        assertTrue(queue.empty());
        queue.close();
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 16));
        }
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldThrowIllegalStateOnUseAfterClose(Context ctx) {
        Queue<Integer> queue = ctx.queue();
        queue.put(1);
        queue.close();
        for (org.junit.jupiter.api.function.Executable use : List.<org.junit.jupiter.api.function.Executable>of(
                () -> queue.put(2), queue::get, queue::getNowait, queue::qsize, queue::empty)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertEquals(ctx == Multiprocessing.getContext() ? "queue is closed in this process (close() was called)"
                    : "queue is closed (close() was called)", e.getMessage());
        }
        assertEquals("Queue(closed)", queue.toString());
        SimpleQueue<Integer> simple = ctx.simpleQueue();
        simple.close();
        assertThrows(IllegalStateException.class, () -> simple.put(1));
        assertThrows(IllegalStateException.class, simple::get);
        assertThrows(IllegalStateException.class, simple::empty);
        assertEquals("SimpleQueue(closed)", simple.toString());
        JoinableQueue<Integer> joinable = ctx.joinableQueue();
        joinable.put(1);
        joinable.get();
        joinable.close();
        assertThrows(IllegalStateException.class, joinable::taskDone);
        assertThrows(IllegalStateException.class, joinable::join);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldNeverTouchUnmappedMemoryWhenClosedWhileOtherThreadsUseIt(Context ctx) throws Exception {
        ClosingRace.run(2, ctx::<Integer>queue, queue -> {
            queue.put(1);
            queue.qsize();
            try {
                queue.getNowait();
            } catch (Queue.Empty takenByTheOtherThread) {
                // the other user took it
            }
        }, Queue::close, "queue is closed");
        ClosingRace.run(1, ctx::<Integer>simpleQueue, queue -> {
            queue.put(1);
            queue.get();
        }, SimpleQueue::close, "queue is closed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldMakeTheQueuesOfItsContext(Context ctx) {
        boolean process = ctx == Multiprocessing.getContext();
        Queue<Integer> bounded = ctx.queue(3);
        assertEquals(3, bounded.maxsize());
        assertEquals(0, ctx.queue(-1).maxsize(), "0 or less is unbounded, as in Python");
        assertEquals(2, ctx.joinableQueue(2).maxsize());
        assertEquals(process, bounded.path() != null, "a file behind the process context's queue only");
        JoinableQueue<Integer> joinable = ctx.joinableQueue();
        joinable.put(1);
        assertEquals("JoinableQueue(qsize=1)", joinable.toString());
        assertEquals("Queue(qsize=0, maxsize=3)", bounded.toString());
        assertEquals("SimpleQueue(empty)", ctx.simpleQueue().toString());
    }

    @Test
    void shouldPassTheItemsThemselvesBetweenThreadsOfTheThreadContext() {
        Context threads = Multiprocessing.getContext("thread");
        List<String> item = new ArrayList<>(List.of("a"));
        Queue<List<String>> queue = threads.queue();
        queue.put(item);
        assertSame(item, queue.get(), "multiprocessing.dummy passes objects, not copies");
        Queue<List<String>> copying = new Queue<>();
        copying.put(item);
        List<String> copy = copying.get();
        assertEquals(item, copy);
        assertNotSame(item, copy, "between processes an item is a copy");
    }

    @Test
    void shouldRefuseToSendAQueueOfTheThreadContextToAnotherProcess() {
        Context threads = Multiprocessing.getContext("thread");
        Queue<Object> carrier = new Queue<>();
        for (Object local : List.of(threads.queue(), threads.joinableQueue(), threads.simpleQueue())) {
            NotTransferableException e = assertThrows(NotTransferableException.class, () -> carrier.put(local));
            assertTrue(e.getMessage().contains("of the thread context lives in this JVM only"), e.getMessage());
            assertTrue(e.getMessage().contains("Multiprocessing.getContext()"), e.getMessage());
        }
        assertTrue(carrier.empty(), "nothing half sent");
    }

    @Test
    void shouldRebuildEachKindOfQueueWhenItIsSent() throws Exception {
        Queue<Object> carrier = new Queue<>();
        JoinableQueue<String> tasks = new JoinableQueue<>(4);
        SimpleQueue<String> simple = new SimpleQueue<>();
        carrier.put(tasks);
        carrier.put(simple);
        @SuppressWarnings("unchecked")
        JoinableQueue<String> tasksCopy = (JoinableQueue<String>) carrier.get();
        @SuppressWarnings("unchecked")
        SimpleQueue<String> simpleCopy = (SimpleQueue<String>) carrier.get();
        assertEquals(4, tasksCopy.maxsize());
        tasksCopy.put("job");
        assertEquals("job", tasks.get());
        assertFalse(tasks.join(java.time.Duration.ZERO), "the copy's put counted a task in the shared memory");
        tasksCopy.taskDone();
        assertTrue(tasks.join(java.time.Duration.ofSeconds(5)));
        simpleCopy.put("hi");
        assertEquals("hi", simple.get());
        tasksCopy.close();
        simpleCopy.close();
    }
}
