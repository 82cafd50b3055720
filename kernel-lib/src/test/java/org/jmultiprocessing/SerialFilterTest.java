package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;

import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deserialization filter on what processes receive: kernel-lib's limits, the user's, the JVM's. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SerialFilterTest {
    private static final String SECRET = Secret.class.getName();

    /** A class a user's filter refuses. */
    static final class Secret implements Serializable {
    }

    /** A linked structure: each node one level deeper in its serialized graph. */
    static final class Node implements Serializable {
        Node next;
    }

    record Samples(String name, double[] values) implements Serializable {
    }

    @AfterEach
    void removeUserFilter() {
        Multiprocessing.setSerialFilter(null);
    }

    static Node chain(int depth) {
        Node head = null;
        for (int i = 0; i < depth; i++) {
            Node node = new Node();
            node.next = head;
            head = node;
        }
        return head;
    }

    /** Sends from a thread with a large stack: writing a deep graph recurses as deep as reading it. */
    static void sendDeepThen(Queue<Object> queue, Connection connection, int depth) throws InterruptedException {
        Thread sender = new Thread(null, () -> {
            queue.put(chain(depth));
            queue.put("after the deep one");
            connection.send(chain(depth));
            connection.send("after the deep one");
        }, "deep-sender", 64 << 20);
        sender.start();
        sender.join();
    }

    @Test
    void shouldRefuseAGraphDeeperThanTheLimitOnQueueGetAndPipeRecvAndKeepBothUsable() throws Exception {
        Queue<Object> queue = new Queue<>();
        Pipe pipe = new Pipe();
        Process child = new Process((Queue<Object> q, Connection c) -> sendDeepThen(q, c, 600), queue, pipe.conn2());
        child.start();
        UncheckedIOException fromQueue = assertThrows(UncheckedIOException.class, () -> queue.get(60.0));
        assertTrue(fromQueue.getMessage().contains("deeper than 500 levels"), fromQueue.getMessage());
        assertInstanceOf(InvalidClassException.class, fromQueue.getCause());
        assertEquals("after the deep one", queue.get(60.0));
        assertTrue(pipe.conn1().poll(60.0));
        UncheckedIOException fromPipe = assertThrows(UncheckedIOException.class, () -> pipe.conn1().recv());
        assertTrue(fromPipe.getMessage().contains("deeper than 500 levels"), fromPipe.getMessage());
        assertEquals("after the deep one", pipe.conn1().recv());
        child.join();
        assertEquals(0, child.exitCode());
    }

    @Test
    void shouldPassALargeSerializedArrayAndAGraphWithinTheDepthLimit() throws Exception {
        Queue<Object> queue = new Queue<>();
        Process child = new Process((Queue<Object> q) -> {
            q.put(new Samples("samples", new double[32 << 20 >> 3]));
            q.put(chain(500));
        }, queue);
        child.start();
        Samples samples = (Samples) queue.get(60.0);
        assertEquals(32 << 20 >> 3, samples.values().length);
        int depth = 0;
        for (Node n = (Node) queue.get(60.0); n != null; n = n.next) {
            depth++;
        }
        assertEquals(500, depth);
        child.join();
        assertEquals(0, child.exitCode());
    }

    @Test
    void shouldRefuseAClassTheUserFilterRejectsOnQueueGetNamingItAndTheFilter() throws Exception {
        Multiprocessing.setSerialFilter("!" + SECRET);
        Queue<Object> queue = new Queue<>();
        Process child = new Process((Queue<Object> q) -> {
            q.put(new Secret());
            q.put("after the secret");
        }, queue);
        child.start();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> queue.get(60.0));
        assertTrue(e.getMessage().contains("class " + SECRET + " is refused by the filter set with"
                + " Multiprocessing.setSerialFilter(\"!" + SECRET + "\")"), e.getMessage());
        assertEquals("after the secret", queue.get(60.0));
        child.join();
        assertEquals(0, child.exitCode());
    }

    @Test
    void shouldApplyTheUserFilterInAChildStartedAfterItWasSet() throws Exception {
        Multiprocessing.setSerialFilter("!" + SECRET);
        Pipe pipe = new Pipe();
        Queue<String> outcome = new Queue<>();
        Process child = new Process((Connection c, Queue<String> q) -> {
            try {
                c.recv();
                q.put("received the secret");
            } catch (UncheckedIOException e) {
                q.put(e.getMessage());
            }
            q.put(String.valueOf(c.recv()));
        }, pipe.conn2(), outcome);
        child.start();
        pipe.conn1().send(new Secret());
        pipe.conn1().send("after the secret");
        String refused = outcome.get(60.0);
        assertTrue(refused.contains("class " + SECRET + " is refused by the filter set with Multiprocessing.setSerialFilter"), refused);
        assertEquals("after the secret", outcome.get(60.0));
        child.join();
        assertEquals(0, child.exitCode());
    }

    @Test
    void shouldFailAChildWhoseTaskTheUserFilterRefuses() throws Exception {
        Multiprocessing.setSerialFilter("!" + SECRET);
        try (CapturedOutput output = new CapturedOutput()) {
            Process child = new Process((Secret s) -> System.out.println("ran with " + s), new Secret());
            child.start();
            child.join();
            assertEquals(1, child.exitCode());
            assertTrue(output.err().contains("class " + SECRET + " is refused by the filter set with"), output.err());
            assertFalse(output.out().contains("ran with"), output.out());
        }
    }

    @Test
    void shouldFailPoolCallsWhoseArgumentOrResultTheUserFilterRefuses() {
        Multiprocessing.setSerialFilter("!" + SECRET);
        try (Pool pool = new Pool(1)) {
            TaskFailedException result = assertThrows(TaskFailedException.class, () -> pool.apply(Secret::new));
            assertTrue(result.getMessage().contains("class " + SECRET + " is refused by the filter set with"),
                    result.getMessage());
            TaskFailedException argument = assertThrows(TaskFailedException.class,
                    () -> pool.apply((Secret s) -> "received", new Secret()));
            assertTrue(argument.getMessage().contains("could not receive the task"), argument.getMessage());
            assertTrue(argument.getMessage().contains("class " + SECRET + " is refused by the filter set with"),
                    argument.getMessage());
            assertEquals(42, pool.apply((Integer x) -> x * 2, 21), "the worker still serves other calls");
        }
    }

    @Test
    void shouldApplyTheUserFilterToValuesThatTravelWithoutSerialization() throws Exception {
        Multiprocessing.setSerialFilter("maxarray=16");
        Queue<byte[]> queue = new Queue<>();
        Process child = new Process((Queue<byte[]> q) -> {
            q.put(new byte[32]);
            q.put(new byte[8]);
        }, queue);
        child.start();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> queue.get(60.0));
        assertTrue(e.getMessage().contains("an array of 32 byte (class [B) is refused by the filter set with"
                + " Multiprocessing.setSerialFilter(\"maxarray=16\")"), e.getMessage());
        assertEquals(8, queue.get(60.0).length);
        child.join();
    }

    @Test
    void shouldKeepTheJvmWideFilterInForce() throws Exception {
        Multiprocessing.setJvmOptions("-Djdk.serialFilter=!" + SECRET);
        try {
            Pipe pipe = new Pipe();
            Queue<String> outcome = new Queue<>();
            Process child = new Process((Connection c, Queue<String> q) -> {
                try {
                    c.recv();
                    q.put("received the secret");
                } catch (UncheckedIOException e) {
                    q.put(e.getMessage());
                }
            }, pipe.conn2(), outcome);
            child.start();
            pipe.conn1().send(new Secret());
            String refused = outcome.get(60.0);
            assertTrue(refused.contains("class " + SECRET + " is refused by the JVM-wide deserialization filter"), refused);
            child.join();
            assertEquals(0, child.exitCode());
        } finally {
            Multiprocessing.setJvmOptions();
        }
    }

    /**
     * A {@code jdk.serialFilterFactory} as a user might install one: it adds its own rule to every filter a
     * stream asks for. kernel-lib must neither bypass it nor lose its limits under it.
     */
    public static final class RejectingSecrets implements BinaryOperator<ObjectInputFilter> {
        @Override
        public ObjectInputFilter apply(ObjectInputFilter current, ObjectInputFilter requested) {
            if (requested == null) {
                return current;
            }
            return ObjectInputFilter.merge(ObjectInputFilter.rejectFilter(type -> type == Secret.class,
                    ObjectInputFilter.Status.UNDECIDED), requested);
        }
    }

    static String getOrRefusal(Queue<Object> queue) {
        try {
            return String.valueOf(queue.get(60.0));
        } catch (UncheckedIOException e) {
            return e.getMessage();
        }
    }

    @Test
    void shouldHonourAJvmFilterFactoryAndKeepTheLimitsUnderIt() throws Exception {
        Queue<Object> queue = new Queue<>();
        Queue<String> outcomes = new Queue<>();
        ChildJvm child = ChildJvm.start("256m", List.of("-Djdk.serialFilterFactory=" + RejectingSecrets.class.getName()), () -> {
            for (int i = 0; i < 3; i++) {
                outcomes.put(getOrRefusal(queue));
            }
        });
        queue.put(new Secret());
        Thread deep = new Thread(null, () -> queue.put(chain(600)), "deep-sender", 64 << 20);
        deep.start();
        deep.join();
        queue.put("plain");
        String secret = outcomes.get(60.0);
        assertTrue(secret.contains("refused by the deserialization filter that jdk.serialFilterFactory ("
                + RejectingSecrets.class.getName()), secret);
        String tooDeep = outcomes.get(60.0);
        assertTrue(tooDeep.contains("deeper than 500 levels"), tooDeep);
        assertEquals("plain", outcomes.get(60.0));
        child.joinSuccessfully();
    }

    @Test
    void shouldRejectAnInvalidPatternAndKeepThePreviousFilter() {
        Multiprocessing.setSerialFilter("!" + SECRET);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Multiprocessing.setSerialFilter("maxdepth=deep"));
        assertTrue(e.getMessage().startsWith("not a serial filter pattern: \"maxdepth=deep\""), e.getMessage());
        Pipe pipe = new Pipe();
        pipe.conn1().send(new Secret());
        assertThrows(UncheckedIOException.class, () -> pipe.conn2().recv());
    }
}
