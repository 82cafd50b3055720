package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Python's start methods on the JVM: the default context is JVM-wide state, so each case runs in a fresh
 * child JVM of its own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartMethodTest {
    @Test
    void shouldListTheContextNamesWithTheDefaultFirst() {
        List<String> all = Multiprocessing.getAllStartMethods();
        assertEquals(List.of("process", "thread"), all.subList(0, 2), all.toString());
        assertEquals("thread", Multiprocessing.getContext("thread").getStartMethod());
        assertEquals("process", Multiprocessing.getContext("process").getStartMethod());
    }

    @Test
    void shouldMakeTheChosenContextTheDefaultOfTheNoContextConstructors() throws Exception {
        ChildJvm.start(() -> {
            assertNull(Multiprocessing.getStartMethod(true), "nothing is fixed in a fresh JVM");
            Multiprocessing.setStartMethod("thread");
            assertEquals("thread", Multiprocessing.getStartMethod(true));
            Queue<String> queue = new Queue<>();
            assertNull(queue.path(), "a queue of the thread context has no file");
            assertSame(Multiprocessing.getContext("thread"), Multiprocessing.getContext());
            Process thread = new Process(() -> { });
            thread.start();
            thread.join();
            assertEquals(Multiprocessing.pid(), thread.pid(), "a thread process runs in this JVM");

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Multiprocessing.setStartMethod("process"));
            assertTrue(refused.getMessage().startsWith("context has already been set (to \"thread\")"), refused.getMessage());

            Multiprocessing.setStartMethod("process", true);
            assertEquals("process", Multiprocessing.getStartMethod());
            Queue<String> shared = new Queue<>();
            assertNotNull(shared.path(), "a queue of the process context is a file");
            assertNull(queue.path(), "an object made before keeps its context");
            shared.close();

            Multiprocessing.setStartMethod(null, true);
            assertNull(Multiprocessing.getStartMethod(true));
        }).joinSuccessfully();
    }

    @Test
    void shouldFixTheDefaultOnFirstUseAsPython() throws Exception {
        ChildJvm.start(() -> {
            Value.OfInt made = Value.ofInt(1);
            assertEquals(1, made.get());
            assertEquals("process", Multiprocessing.getStartMethod(true), "an object made without a context fixes it");
            assertThrows(IllegalStateException.class, () -> Multiprocessing.setStartMethod("thread"));
        }).joinSuccessfully();
        ChildJvm.start(() -> {
            assertEquals("process", Multiprocessing.getStartMethod());
            assertThrows(IllegalStateException.class, () -> Multiprocessing.setStartMethod("thread"),
                    "getStartMethod() fixes it, as Python's get_start_method()");
        }).joinSuccessfully();
    }

    @Test
    void shouldRefuseAnUnknownNameAndListTheKnownOnes() throws Exception {
        ChildJvm.start(() -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Multiprocessing.setStartMethod("fork"));
            assertTrue(e.getMessage().startsWith("no context named \"fork\": the contexts here are [process, thread"),
                    e.getMessage());
            assertNull(Multiprocessing.getStartMethod(true), "a refused name sets nothing");
            assertThrows(IllegalArgumentException.class, () -> Multiprocessing.setStartMethod(null, false));
        }).joinSuccessfully();
    }
}
