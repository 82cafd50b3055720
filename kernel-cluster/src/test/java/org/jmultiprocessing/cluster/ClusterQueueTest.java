package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.Context;
import org.jmultiprocessing.JoinableQueue;
import org.jmultiprocessing.Queue;
import org.jmultiprocessing.SimpleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedCluster.Scope.class)
class ClusterQueueTest {
    private final Context ctx = EmbeddedCluster.get().newContext();

    @Test
    void shouldDeliverItemsInOrderFromAnotherThread() throws Exception {
        Queue<Object> q = ctx.queue();
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                q.put(i);
            }
            q.put(List.of("a", "b"));
            q.put(null);
        });
        for (int i = 0; i < 20; i++) {
            assertEquals(i, q.get(10.0));
        }
        assertEquals(List.of("a", "b"), q.get(10.0));
        assertEquals(null, q.get(10.0));
        producer.get(10, TimeUnit.SECONDS);
        assertEquals(0, q.qsize());
    }

    @Test
    void shouldRaiseEmptyAfterTheTimeoutAndFullAtMaxsize() {
        Queue<Integer> q = ctx.queue(2);
        assertThrows(Queue.Empty.class, () -> q.get(0.2));
        q.put(1);
        q.put(2);
        assertTrue(q.full());
        assertThrows(Queue.Full.class, () -> q.put(3, 0.2));
        assertEquals(1, q.get());
        q.put(3, 1.0);
        assertEquals(2, q.qsize());
    }

    @Test
    void shouldCountTheTasksOfAJoinableQueue() throws Exception {
        JoinableQueue<String> q = ctx.joinableQueue();
        q.put("a");
        q.put("b");
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
            q.get();
            q.taskDone();
            q.get();
            q.taskDone();
        });
        q.join();
        worker.get(10, TimeUnit.SECONDS);
        assertThrows(IllegalStateException.class, q::taskDone);
    }

    @Test
    void shouldPassItemsThroughASimpleQueue() {
        SimpleQueue<String> q = ctx.simpleQueue();
        assertTrue(q.empty());
        q.put("x");
        assertFalse(q.empty());
        assertEquals("x", q.get());
    }

    @Test
    void shouldReachTheSameQueueAfterTravelling() throws Exception {
        Queue<String> q = ctx.queue(3);
        Queue<String> arrived = Transit.roundTrip(q);
        arrived.put("from afar");
        assertEquals("from afar", q.get(5.0));
        assertEquals(3, arrived.maxsize());
        JoinableQueue<String> jq = ctx.joinableQueue();
        JoinableQueue<String> jarrived = Transit.roundTrip(jq);
        jq.put("t");
        assertEquals("t", jarrived.get(5.0));
        jarrived.taskDone();
        assertTrue(jq.join(java.time.Duration.ofSeconds(5)));
    }

    @Test
    void shouldRefuseAPipeNamingTheAlternative() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, ctx::pipe);
        assertTrue(e.getMessage().contains("two queues"), e.getMessage());
    }
}
