package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessTest {

    static void printPid(String label) {
        System.out.println(label + " pid=" + Multiprocessing.pid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRunTargetInSeparateJvmAndRelayItsOutput(Context ctx) throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Process p = ctx.process((String label) -> printPid(label), "child");
            p.start();
            p.join();
            assertEquals(0, p.exitCode());
            assertEquals("child pid=" + p.pid() + "\n", output.out());
            if (isThread(ctx)) {
                assertEquals(Multiprocessing.pid(), p.pid(), "a thread process runs in this JVM");
            } else {
                assertNotEquals(Multiprocessing.pid(), p.pid());
            }
        }
    }

    private static boolean isThread(Context ctx) {
        return ctx.name().equals("thread");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldPassSeveralArgumentsOfAnySerializableType(Context ctx) throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Process p = ctx.process((Integer a, List<String> b, int[] c) -> System.out.println(a + " " + b + " " + c.length),
                    7, List.of("x", "y"), new int[3]);
            p.start();
            p.join();
            assertEquals("7 [x, y] 3\n", output.out());
        }
    }

    @Test
    void shouldPrintNothingOfItsOwnWhenShortChildrenStartBackToBack() throws Exception {
        // Each start hands over a standby that may still be warming up when its short task ends the JVM.
        try (CapturedOutput output = new CapturedOutput()) {
            for (int i = 0; i < 20; i++) {
                Process p = new Process((Integer n) -> System.out.println("child " + n), i);
                p.start();
                p.join();
                assertEquals(0, p.exitCode());
            }
            assertEquals("", output.err());
            assertEquals(20, output.out().lines().count());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReportExitCodesAsPythonDoes(Context ctx) throws Exception {
        assertEquals(0, runToEnd(ctx.process(() -> { })));
        if (!isThread(ctx)) { // System.exit in a thread would end this JVM
            assertEquals(3, runToEnd(ctx.process(() -> System.exit(3))));
        }
        try (CapturedOutput output = new CapturedOutput()) {
            Process failing = ctx.process(() -> {
                throw new IllegalStateException("boom");
            });
            assertEquals(1, runToEnd(failing));
            List<String> trace = output.err().lines().toList();
            assertEquals("Process " + failing.name() + ":", trace.get(0));
            assertEquals("java.lang.IllegalStateException: boom", trace.get(1));
            assertTrue(trace.get(2).contains("ProcessTest.lambda$"), trace.get(2));
            assertEquals(3, trace.size(), "the library's bootstrap frames are not shown: " + trace);
        }
    }

    @Test
    void shouldReportTerminateAsSigtermAndKillAsSigkill() throws Exception {
        Process terminated = new Process(() -> Thread.sleep(60_000));
        terminated.start();
        assertTrue(terminated.isAlive());
        assertNull(terminated.exitCode());
        terminated.terminate();
        terminated.join();
        assertEquals(-15, terminated.exitCode());
        assertTrue(terminated.toString().endsWith(" stopped exitcode=-SIGTERM>"), terminated.toString());

        Process killed = new Process(() -> Thread.sleep(60_000));
        killed.start();
        killed.kill();
        killed.join();
        assertEquals(-9, killed.exitCode());
        assertFalse(killed.isAlive());
    }

    @Test
    void shouldTerminateWithoutRunningFinallyBlocks() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Process p = new Process(() -> {
                try {
                    System.out.println("ready");
                    Thread.sleep(60_000);
                } finally {
                    System.out.println("finally ran");
                }
            });
            p.start();
            while (!output.out().contains("ready")) {
                Thread.sleep(5);
            }
            p.terminate();
            p.join();
            assertEquals("ready\n", output.out());
        }
    }

    @Test
    void shouldTimeOutJoinWhileChildRuns() throws Exception {
        Process p = new Process(() -> Thread.sleep(60_000));
        p.start();
        long start = System.nanoTime();
        assertFalse(p.join(Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - start >= 200_000_000L);
        assertTrue(p.isAlive());
        p.kill();
        assertTrue(p.join(Duration.ofSeconds(10)));
    }

    @Test
    void shouldDeliverEveryLineBeforeJoinReturns() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Process p = new Process(() -> {
                for (int i = 0; i < 20_000; i++) {
                    System.out.println("line " + i);
                }
                System.err.print("no newline at the end");
            });
            p.start();
            p.join();
            List<String> lines = output.out().lines().toList();
            assertEquals(20_000, lines.size());
            assertEquals("line 19999", lines.get(19_999));
            assertEquals("no newline at the end", output.err());
        }
    }

    @Test
    void shouldShowPythonReprInEveryState() throws Exception {
        Process p = new Process(() -> Thread.sleep(60_000)).name("worker");
        String parent = "parent=" + Multiprocessing.pid();
        assertEquals("<Process name='worker' " + parent + " initial>", p.toString());
        p.start();
        assertEquals("<Process name='worker' pid=" + p.pid() + " " + parent + " started>", p.toString());
        p.terminate();
        p.join();
        assertEquals("<Process name='worker' pid=" + p.pid() + " " + parent + " stopped exitcode=-SIGTERM>", p.toString());
        p.close();
        assertEquals("<Process name='worker' closed>", p.toString());

        Process d = new Process(() -> { }).daemon(true);
        assertTrue(d.toString().endsWith(" initial daemon>"), d.toString());
    }

    static class Greeter extends Process {
        private final String greeting;

        Greeter(String greeting) {
            this.greeting = greeting;
        }

        @Override
        public void run() {
            System.out.println("called run method in " + name() + ": " + greeting);
        }
    }

    @Test
    void shouldRunOverriddenRunOfSubclassWithItsFields() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Greeter g = new Greeter("hello");
            assertTrue(g.name().matches("Greeter-\\d+"), g.name());
            g.start();
            g.join();
            assertEquals("called run method in " + g.name() + ": hello\n", output.out());
        }
    }

    static class Failing extends Process {
        Failing() {
            super(() -> {
                throw new IllegalStateException("boom in a subclass");
            });
        }
    }

    @Test
    void shouldShowOnlyTheUsersFramesWhenASubclassProcessFails() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Failing failing = new Failing();
            assertEquals(1, runToEnd(failing));
            List<String> trace = output.err().lines().toList();
            assertEquals("Process " + failing.name() + ":", trace.get(0));
            assertEquals("java.lang.IllegalStateException: boom in a subclass", trace.get(1));
            assertTrue(trace.get(2).contains("ProcessTest$Failing.lambda$"), trace.get(2));
            assertEquals(3, trace.size(), "neither Process.run nor the library's call of it is shown: " + trace);
        }
    }

    @Test
    void shouldNumberDefaultNamesLikePython() {
        Process a = new Process(() -> { });
        Process b = new Process(() -> { });
        int n = Integer.parseInt(a.name().substring("Process-".length()));
        assertEquals("Process-" + (n + 1), b.name());
    }

    @Test
    void shouldGiveChildItsOwnCurrentProcessAndParent() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Process p = new Process(() -> {
                System.out.println(Multiprocessing.currentProcess().name() + " of " + Multiprocessing.parentProcess().name()
                        + " " + Multiprocessing.parentProcess().pid());
                Process grandchild = new Process(() -> System.out.println("grandchild " + Multiprocessing.currentProcess().name()));
                grandchild.start();
                grandchild.join();
            });
            p.start();
            p.join();
            assertEquals(p.name() + " of MainProcess " + Multiprocessing.pid() + "\ngrandchild " + p.name() + ":1\n",
                    output.out());
            assertEquals("MainProcess", Multiprocessing.currentProcess().name());
            assertNull(Multiprocessing.parentProcess());
        }
    }

    @Test
    void shouldRefuseMisuseWithPythonsErrors() throws Exception {
        Process p = new Process(() -> Thread.sleep(60_000));
        assertThrows(IllegalStateException.class, p::join, "join before start");
        assertThrows(IllegalStateException.class, p::terminate, "terminate before start");
        p.start();
        IllegalStateException twice = assertThrows(IllegalStateException.class, p::start);
        assertTrue(twice.getMessage().startsWith("cannot start a process twice"), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> p.daemon(true));
        IllegalStateException closing = assertThrows(IllegalStateException.class, p::close);
        assertTrue(closing.getMessage().startsWith("cannot close a process while it is still running"));
        p.kill();
        p.join();
        p.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, p::isAlive);
        assertTrue(closed.getMessage().startsWith("process object is closed"));
        assertThrows(IllegalStateException.class, () -> Multiprocessing.currentProcess().start());
    }

    @Test
    void shouldRefuseChildrenOfDaemonsAsPythonDoes() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Process d = new Process(() -> new Process(() -> { }).start()).daemon(true);
            d.start();
            d.join();
            assertEquals(1, d.exitCode());
            assertTrue(output.err().contains("daemonic processes are not allowed to have children"), output.err());
        }
    }

    static final class Holder implements Serializable {
        final Object payload;

        Holder(Object payload) {
            this.payload = payload;
        }
    }

    @Test
    void shouldNameTheUnserializableValueAndStartNoChild() {
        long childrenBefore = ProcessHandle.current().children().count();
        Process p = new Process((Holder h) -> System.out.println(h), new Holder(new Thread()));
        NotTransferableException e = assertThrows(NotTransferableException.class, p::start);
        assertTrue(e.getMessage().startsWith("cannot send to the child process: argument 1 -> field 'payload' (java.lang.Thread) is not Serializable"),
                e.getMessage());
        assertNull(p.pid());
        assertEquals(childrenBefore, ProcessHandle.current().children().count());

        Runnable plain = () -> { };
        Process q = new Process((Runnable r) -> r.run(), plain);
        NotTransferableException lambda = assertThrows(NotTransferableException.class, q::start);
        assertTrue(lambda.getMessage().contains("argument 1 (a lambda whose functional interface is not Serializable)"),
                lambda.getMessage());
    }

    @Test
    void shouldListOnlyRunningChildrenAsActive() throws Exception {
        Process running = new Process(() -> Thread.sleep(60_000));
        Process done = new Process(() -> { });
        running.start();
        done.start();
        done.join();
        List<Process> active = new ArrayList<>(Multiprocessing.activeChildren());
        assertTrue(active.contains(running));
        assertFalse(active.contains(done));
        running.kill();
        running.join();
        assertFalse(Multiprocessing.activeChildren().contains(running));
        assertTrue(Multiprocessing.cpuCount() >= 1);
    }

    @Test
    void shouldMakeAThreadProcessTheCurrentProcessOfItsThread() throws Exception {
        Context threads = Multiprocessing.getContext("thread");
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Process p = threads.process(() -> {
            seen.add(Multiprocessing.currentProcess());
            seen.add(String.valueOf(Multiprocessing.parentProcess()));
            Process inner = Multiprocessing.getContext("thread").process(() -> seen.add(Multiprocessing.currentProcess().name()));
            inner.start();
            inner.join();
        }).name("worker");
        p.start();
        p.join();
        assertSame(p, seen.get(0), "currentProcess() in a thread process is that process, as in multiprocessing.dummy");
        assertEquals("null", seen.get(1), "a thread process runs in the main process, which has no parent");
        assertTrue(((String) seen.get(2)).matches("Process-\\d+:\\d+"), "numbered below its creator: " + seen.get(2));
        assertEquals("MainProcess", Multiprocessing.currentProcess().name());
    }

    @Test
    void shouldRefuseToStopAThreadProcessAndShareObjectsWithIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Process p = Multiprocessing.getContext("thread").process(() -> release.await());
        p.start();
        assertFalse(p.join(Duration.ofMillis(100)));
        assertTrue(p.isAlive());
        assertNull(p.exitCode());
        assertTrue(Multiprocessing.activeChildren().contains(p));
        UnsupportedOperationException terminate = assertThrows(UnsupportedOperationException.class, p::terminate);
        assertTrue(terminate.getMessage().contains("thread context"), terminate.getMessage());
        assertThrows(UnsupportedOperationException.class, p::kill);
        assertThrows(IllegalStateException.class, p::close, "still running");
        release.countDown(); // the latch itself: nothing was serialized
        assertTrue(p.join(Duration.ofSeconds(10)));
        assertEquals(0, p.exitCode());
        assertFalse(Multiprocessing.activeChildren().contains(p));
        assertEquals("<Process name='" + p.name() + "' pid=" + Multiprocessing.pid() + " parent=" + Multiprocessing.pid()
                + " stopped exitcode=0>", p.toString());
        p.close();
    }

    private static int runToEnd(Process p) throws InterruptedException {
        p.start();
        p.join();
        return p.exitCode();
    }
}
