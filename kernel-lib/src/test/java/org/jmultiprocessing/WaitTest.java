package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Connection.wait} over pipe ends, socket connections, queues and process sentinels. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WaitTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReturnTheChildThatEndsFirst(Context ctx) throws Exception {
        Event release = ctx.event();
        Process quick = ctx.process(() -> { });
        Process held = ctx.process((Event e) -> e.await(), release);
        held.start();
        quick.start();
        List<Process.Sentinel> ended = Connection.wait(List.of(held.sentinel(), quick.sentinel()), 60.0);
        assertEquals(List.of(quick.sentinel()), ended);
        assertTrue(held.isAlive());
        assertSame(held.sentinel(), held.sentinel());
        release.set();
        assertEquals(List.of(held.sentinel()), Connection.wait(List.of(held.sentinel())));
        held.join();
        quick.join();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReturnTheReadyConnectionsAndQueuesOrNoneAfterTheTimeout(Context ctx) {
        Pipe first = ctx.pipe();
        Pipe second = ctx.pipe();
        Queue<String> queue = ctx.queue();
        List<Object> readers = List.of(first.conn1(), second.conn1(), queue);
        assertEquals(List.of(), Connection.wait(readers, 0.05));
        assertEquals(List.of(), Connection.wait(readers, Duration.ZERO));
        second.conn2().send("for the second");
        queue.put("for the queue");
        assertTrue(waitForBoth(readers, second.conn1(), queue));
        assertEquals("for the second", second.conn1().recv());
        assertEquals("for the queue", queue.get());
        first.conn2().close();
        assertEquals(List.of(first.conn1()), Connection.wait(readers, 10.0), "end-of-file counts as ready");
    }

    /** A queue's feeder may deliver a moment after the pipe: waits until both are reported together. */
    private static boolean waitForBoth(List<Object> readers, Object a, Object b) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < giveUp) {
            List<Object> ready = Connection.wait(readers, 10.0);
            if (ready.equals(List.of(a, b))) {
                return true;
            }
            assertTrue(List.of(a, b).containsAll(ready), "only what has data is ready: " + ready);
        }
        return false;
    }

    @Test
    void shouldWaitOnSocketConnectionsAndProcessesTogether() throws Exception {
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        try (Listener listener = new Listener(key)) {
            CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(listener::accept);
            try (Connection client = Client.connect(listener.address(), key); Connection server = accepted.get()) {
                Process child = new Process((Integer ms) -> Thread.sleep(ms), 200);
                child.start();
                List<Object> waited = List.of(server, child.sentinel());
                assertEquals(List.of(child.sentinel()), Connection.wait(waited, 60.0));
                client.sendBytes(new byte[] {1});
                assertEquals(waited, Connection.wait(waited, 60.0));
                child.join();
            }
        }
    }

    @Test
    void shouldRefuseWhatCannotBeWaitedOn() {
        Process notStarted = new Process(() -> { });
        IllegalStateException early = assertThrows(IllegalStateException.class, notStarted::sentinel);
        assertTrue(early.getMessage().contains("call start() first"), early.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Connection.wait(List.of("a string"), 0.0));
        assertTrue(wrong.getMessage().contains("java.lang.String"), wrong.getMessage());
        Pipe oneWay = new Pipe(false);
        assertThrows(IllegalStateException.class, () -> Connection.wait(List.of(oneWay.conn2()), 0.0));
        assertThrows(IllegalArgumentException.class, () -> Connection.wait(List.of(oneWay.conn1()), -1.0));
    }
}
