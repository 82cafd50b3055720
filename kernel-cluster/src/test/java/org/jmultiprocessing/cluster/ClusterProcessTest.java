package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.jmultiprocessing.Context;
import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The public Process on a local cluster: it runs on a member, with its exit code, output and terminate. */
@ExtendWith(SharedCluster.class)
class ClusterProcessTest {
    private final Context ctx = SharedCluster.cluster().context();

    @Test
    void shouldRunOnAMemberAndPrintInTheCallersOutput() throws InterruptedException {
        try (CapturedOutput output = new CapturedOutput()) {
            Process p = ctx.process((String who) -> System.out.println("hello " + who + " from " + ProcessHandle.current().pid()), "cluster");
            p.start();
            p.join();
            assertEquals(0, p.exitCode());
            assertNotEquals(ProcessHandle.current().pid(), p.pid());
            assertTrue(SharedCluster.cluster().members().stream().anyMatch(m -> m.pid() == p.pid()));
            assertEquals("hello cluster from " + p.pid() + "\n", output.out(), "printed before join returned");
        }
    }

    @Test
    void shouldExitWithOneAndPrintTheTracebackWhenTheTargetThrows() throws InterruptedException {
        try (CapturedOutput output = new CapturedOutput()) {
            Process p = ctx.process(() -> { throw new IllegalStateException("broken target"); });
            p.start();
            p.join();
            assertEquals(1, p.exitCode());
            assertTrue(output.err().contains("Process " + p.name() + ":"), output.err());
            assertTrue(output.err().contains("IllegalStateException: broken target"), output.err());
        }
    }

    @Test
    void shouldInterruptTheTaskOnItsMemberWhenTerminated(@TempDir Path dir) throws Exception {
        Path mark = dir.resolve("interrupted");
        try (CapturedOutput output = new CapturedOutput()) {
            Process p = ctx.process((String path) -> {
                System.out.println("started");
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Files.createFile(Path.of(path));
                    System.out.println("printed after terminate");
                }
            }, mark.toString());
            p.start();
            waitFor(() -> output.out().contains("started"));
            assertTrue(p.isAlive());
            p.terminate();
            assertTrue(p.join(Duration.ofSeconds(5)));
            assertEquals(-15, p.exitCode());
            waitFor(() -> Files.exists(mark));
            Thread.sleep(300);
            assertEquals("started\n", output.out(), "what a terminated process prints is dropped");
        }
    }

    @Test
    void shouldNameAnArgumentThatCannotTravelBeforeStarting() {
        Process p = ctx.process((Object o) -> System.out.println(o), new Object());
        NotTransferableException e = assertThrows(NotTransferableException.class, p::start);
        assertTrue(e.getMessage().contains("argument 1"), e.getMessage());
    }

    static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting");
            Thread.sleep(20);
        }
    }
}
