package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared objects passed as arguments of real {@link Process}es, as a notebook uses them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessIpcTest {
    @Test
    void shouldPassQueueItemsFromAProcessToTheParent() throws Exception {
        Queue<Integer> queue = new Queue<>();
        Process producer = new Process((Queue<Integer> q) -> {
            for (int i = 0; i < 10_000; i++) {
                q.put(i);
            }
        }, queue);
        producer.start();
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            sum += queue.get(30.0);
        }
        producer.join();
        assertEquals(0, producer.exitCode());
        assertEquals(49_995_000L, sum);
    }

    @Test
    void shouldChainTwoProcessesThroughPipesUntilEndOfFile() throws Exception {
        Pipe first = new Pipe();
        Pipe second = new Pipe();
        Process producer = new Process((Connection out) -> {
            for (int i = 0; i < 10; i++) {
                out.send(i);
            }
            out.close();
        }, first.conn1());
        Process squarer = new Process((Connection in, Connection out) -> {
            try {
                while (true) {
                    int x = (Integer) in.recv();
                    out.send(x * x);
                }
            } catch (Connection.EOF end) {
                out.close();
            }
        }, first.conn2(), second.conn1());
        producer.start();
        squarer.start();
        first.conn1().close();
        first.conn2().close();
        second.conn1().close();
        List<Object> received = new ArrayList<>();
        try {
            while (true) {
                received.add(second.conn2().recv());
            }
        } catch (Connection.EOF end) {
            received.add("End");
        }
        producer.join();
        squarer.join();
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, "End"), received);
        assertEquals(0, producer.exitCode());
        assertEquals(0, squarer.exitCode());
    }

    @Test
    void shouldEndAtExactlyTwoHundredThousandWhenTwoProcessesIncrementUnderTheLock() throws Exception {
        Value.OfInt counter = Value.ofInt(0);
        Target1<Value.OfInt> increment = v -> {
            for (int i = 0; i < 100_000; i++) {
                try (Held held = v.getLock().acquired()) {
                    v.set(v.get() + 1);
                }
            }
        };
        Process a = new Process(increment, counter);
        Process b = new Process(increment, counter);
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(0, a.exitCode());
        assertEquals(0, b.exitCode());
        assertEquals(200_000, counter.get());
    }

    @Test
    void shouldBreakTheOtherWaitersWhenABarrierIsAborted() throws Exception {
        Barrier barrier = new Barrier(3);
        Queue<String> outcomes = new Queue<>();
        Target2<Barrier, Queue<String>> waiter = (b, q) -> {
            try {
                b.await(30.0);
                q.put("passed");
            } catch (Barrier.Broken e) {
                q.put("broken");
            }
        };
        Process first = new Process(waiter, barrier, outcomes);
        Process second = new Process(waiter, barrier, outcomes);
        first.start();
        second.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (barrier.nWaiting() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        barrier.abort();
        assertEquals("broken", outcomes.get(30.0));
        assertEquals("broken", outcomes.get(30.0));
        first.join();
        second.join();
    }

    @Test
    void shouldJoinAJoinableQueueOnceWorkerProcessesMarkedEveryTaskDone() throws Exception {
        JoinableQueue<Integer> tasks = new JoinableQueue<>();
        SimpleQueue<Integer> results = new SimpleQueue<>();
        Target2<JoinableQueue<Integer>, SimpleQueue<Integer>> worker = (q, out) -> {
            while (true) {
                int task = q.get();
                if (task < 0) {
                    q.taskDone();
                    return;
                }
                out.put(task * 2);
                q.taskDone();
            }
        };
        Process first = new Process(worker, tasks, results);
        Process second = new Process(worker, tasks, results);
        first.start();
        second.start();
        for (int i = 1; i <= 100; i++) {
            tasks.put(i);
        }
        tasks.put(-1);
        tasks.put(-1);
        assertTrue(tasks.join(java.time.Duration.ofSeconds(60)), "tasks not all done");
        long sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += results.get();
        }
        assertTrue(results.empty());
        assertEquals(10_100, sum);
        first.join();
        second.join();
        assertThrows(IllegalStateException.class, tasks::taskDone);
    }
}
