package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldWaitForAnEventSetByAnotherParty(Context ctx) throws Exception {
        Event event = ctx.event();
        assertFalse(event.isSet());
        assertFalse(event.await(0.05));
        assertFalse(event.await(Duration.ofMillis(20)));
        assertEquals("Event(unset)", event.toString());
        OtherParty other = OtherParty.start(ctx, event::set);
        assertTrue(event.await(30.0));
        assertTrue(event.isSet());
        assertTrue(event.await(), "a set event releases at once");
        assertEquals("Event(set)", event.toString());
        event.clear();
        assertFalse(event.isSet());
        other.joinSuccessfully();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReleaseEveryWaiterWhenSet(Context ctx) throws Exception {
        Event event = ctx.event();
        AtomicInteger released = new AtomicInteger();
        Thread[] waiters = new Thread[3];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = new Thread(() -> {
                if (event.await(30.0)) {
                    released.incrementAndGet();
                }
            });
            waiters[i].start();
        }
        Thread.sleep(100);
        assertEquals(0, released.get(), "a waiter passed an unset event");
        event.set();
        for (Thread waiter : waiters) {
            waiter.join();
        }
        assertEquals(3, released.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldEndAWaitWhenTheWaitingThreadIsInterrupted(Context ctx) throws Exception {
        Event event = ctx.event();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                event.await();
            } catch (Throwable e) {
                ended.set(e);
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        Thread.sleep(100);
        waiter.interrupt();
        waiter.join(10_000);
        assertFalse(waiter.isAlive(), "the interrupted wait did not end");
        assertInstanceOf(CancellationException.class, ended.get());
        assertEquals(true, interruptKept.get(), "the interrupt flag was cleared");
        assertFalse(event.isSet());
    }

    @Test
    void shouldRefuseToSendAnEventOfTheThreadContextToAnotherProcess() {
        Event event = Multiprocessing.getContext("thread").event();
        NotTransferableException e = assertThrows(NotTransferableException.class,
                () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(event));
        assertEquals("an Event of the thread context lives in this JVM only and cannot be sent to another process:"
                + " make it with Multiprocessing.getContext().event() to share it with processes", e.getMessage());
    }
}
