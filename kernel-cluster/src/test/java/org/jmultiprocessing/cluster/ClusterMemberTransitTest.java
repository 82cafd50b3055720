package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.Map;

import org.jmultiprocessing.Context;
import org.jmultiprocessing.Event;
import org.jmultiprocessing.JoinableQueue;
import org.jmultiprocessing.Lock;
import org.jmultiprocessing.Manager;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.Queue;
import org.jmultiprocessing.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shared objects sent to a Process on a member reattach there and reach the notebook's objects. */
@ExtendWith(SharedCluster.class)
class ClusterMemberTransitTest {
    private final Context ctx = SharedCluster.cluster().context();

    /** A class of this test, not of the JDK: it reaches the member with the task and comes back in the queue. */
    record Reading(long pid, String text) implements Serializable {
    }

    @Test
    void shouldUseTheNotebooksQueueLockValueEventAndDictFromAMember() throws Exception {
        Queue<Object> results = ctx.queue();
        JoinableQueue<String> work = ctx.joinableQueue();
        Lock lock = ctx.lock();
        Value.OfInt counter = ctx.value().ofInt(0);
        Event done = ctx.event();
        try (Manager manager = ctx.manager()) {
            Map<String, Integer> dict = manager.dict();
            work.put("job");
            lock.acquire();
            Process p = ctx.process((Queue<Object> out, JoinableQueue<String> in, Lock held, Value.OfInt n) -> {
                out.put(new Reading(ProcessHandle.current().pid(), in.get()));
                in.taskDone();
                held.release(); // a Lock acquired in the notebook, released on a member
                for (int i = 0; i < 10; i++) {
                    n.addAndGet(1);
                }
            }, results, work, lock, counter);
            Process setter = ctx.process((Map<String, Integer> d, Event e) -> {
                for (int i = 0; i < 10; i++) {
                    d.merge("count", 1, Integer::sum);
                }
                e.set();
            }, dict, done);
            p.start();
            setter.start();
            Reading reading = (Reading) results.get(30.0);
            assertEquals("job", reading.text());
            assertTrue(SharedCluster.cluster().members().stream().anyMatch(m -> m.pid() == reading.pid()),
                    "read on a member");
            p.join();
            setter.join();
            assertEquals(0, p.exitCode());
            assertEquals(0, setter.exitCode());
            assertTrue(work.join(java.time.Duration.ofSeconds(10)));
            assertTrue(lock.acquire(true, 10.0), "released on the member");
            assertEquals(10, counter.get());
            assertEquals(10, dict.get("count"));
            assertTrue(done.await(10.0));
        }
    }
}
