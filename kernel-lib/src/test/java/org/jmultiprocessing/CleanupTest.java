package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.testing.JavaProgram;
import org.jmultiprocessing.testing.SharedObjectsProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CleanupTest {
    @Test
    void shouldUnlinkTheFileOnceTheLastHolderIsGarbageCollected() throws Exception {
        Path path = createAndDropAQueue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(path) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertFalse(Files.exists(path), "file of an unreachable queue still exists: " + path);
    }

    private static Path createAndDropAQueue() {
        Queue<Integer> queue = new Queue<>();
        queue.put(1);
        return queue.path();
    }

    @Test
    void shouldUnlinkTheFileWhenEveryHolderClosed() throws Exception {
        Queue<Integer> queue = new Queue<>();
        Path queuePath = queue.path();
        queue.close();
        assertFalse(Files.exists(queuePath));

        Pipe pipe = new Pipe();
        Connection theirs = pipe.conn2();
        ChildJvm child = ChildJvm.start(() -> theirs.send("bye"));
        theirs.close();
        assertEquals("bye", pipe.conn1().recv());
        child.joinSuccessfully();
        Path pipePath = pipe.conn1().path();
        pipe.conn1().close();
        assertFalse(Files.exists(pipePath), "pipe file left after both ends closed");
    }

    @Test
    void shouldUnlinkTheFileWhenAChildThatWasTheLastHolderExits() throws Exception {
        Queue<Integer> queue = new Queue<>();
        Path path = queue.path();
        Event attached = new Event();
        Event release = new Event();
        ChildJvm child = ChildJvm.start(() -> {
            queue.put(1);
            attached.set();
            release.await(30.0);
        });
        assertTrue(attached.await(30.0));
        queue.close();
        assertTrue(Files.exists(path), "the child still holds the queue");
        release.set();
        child.joinSuccessfully();
        assertFalse(Files.exists(path), "the exiting child was the last holder and should have unlinked the file");
    }

    @Test
    void shouldLeaveNoFilesAfterAProgramUsingSharedObjectsExits() throws Exception {
        String output = JavaProgram.run(SharedObjectsProgram.class);
        assertTrue(output.contains("pipe=hello"), output);
        assertTrue(output.contains("queue=done"), output);
        assertTrue(output.contains("value=1"), output);
        assertFalse(Files.exists(Paths.get(JavaProgram.value(output, "session"))), "session directory left behind");
    }

    /** The program's child has ended; its ready standby is the one left to remove the session directory. */
    @Test
    void shouldLeaveNoFilesAfterAProgramUsingSharedObjectsIsKilled() throws Exception {
        java.lang.Process program = JavaProgram.start(SharedObjectsProgram.class, "hang");
        String session = null;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(program.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("session=")) {
                    session = line.substring("session=".length());
                    break;
                }
            }
            assertNotNull(session, "program printed no session");
            assertTrue(Files.exists(Paths.get(session)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (program.toHandle().children().noneMatch(CleanupTest::isStandby) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(program.toHandle().children().anyMatch(CleanupTest::isStandby), "no ready standby started");
            program.destroyForcibly();
            assertTrue(program.waitFor(30, TimeUnit.SECONDS));
        }
        long killed = System.nanoTime();
        while (Files.exists(Paths.get(session)) && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(10);
        }
        assertFalse(Files.exists(Paths.get(session)), "session directory of a killed program left after 2 s");
    }

    private static boolean isStandby(ProcessHandle child) {
        return child.info().arguments().map(args -> java.util.Arrays.asList(args).contains("--standby")).orElse(false);
    }

    /** Far more than the kernel's default limit of 65 530 mappings per process, had close() not unmapped. */
    private static final int CREATE_AND_CLOSE_ROUNDS = 100_000;
    /** Mappings the JVM itself may add meanwhile (code cache, heap, threads): far below the rounds. */
    private static final int MAPPINGS_SLACK = 2_000;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void shouldUnmapSharedMemoryWhenItIsClosed() throws Exception {
        // Closed instances stay reachable, so the garbage collector cannot be what unmaps them.
        List<Object> closed = new ArrayList<>();
        long before = mappingCount();
        for (int i = 0; i < CREATE_AND_CLOSE_ROUNDS; i++) {
            SharedMemory shm = SharedMemory.create(4096);
            shm.close();
            closed.add(shm);
            assertThrows(IllegalArgumentException.class, () -> SharedMemory.attach(shm.name()), "file left behind");
        }
        assertMappingsFlat(before, CREATE_AND_CLOSE_ROUNDS + " x SharedMemory.create(4096) + close()");
        assertEquals(CREATE_AND_CLOSE_ROUNDS, closed.size());
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void shouldUnmapQueuesAndLocksWhenTheyAreClosed() throws Exception {
        List<Object> closed = new ArrayList<>();
        long before = mappingCount();
        for (int i = 0; i < CREATE_AND_CLOSE_ROUNDS / 2; i++) {
            Queue<Integer> queue = new Queue<>();
            queue.put(i);
            queue.close();
            Lock lock = new Lock();
            lock.acquire();
            lock.release();
            lock.close();
            closed.add(queue);
            closed.add(lock);
            assertFalse(Files.exists(queue.path()) || Files.exists(lock.path()), "file left behind");
        }
        assertMappingsFlat(before, CREATE_AND_CLOSE_ROUNDS / 2 + " x a Queue and a Lock created, used and closed");
        assertEquals(CREATE_AND_CLOSE_ROUNDS, closed.size());
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void shouldUnmapABlockWhoseBufferWasHandedOutOnceTheBufferIsUnreachable() throws Exception {
        long before = mappingCount();
        java.nio.ByteBuffer kept = null;
        for (int i = 0; i < 20_000; i++) {
            SharedMemory shm = SharedMemory.create(4096);
            java.nio.ByteBuffer buf = shm.buf();
            buf.put(0, (byte) 7);
            shm.close();
            kept = buf;
        }
        assertEquals(7, kept.get(0), "a buffer handed out keeps working after close()");
        kept = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (mappingCount() > before + MAPPINGS_SLACK && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertMappingsFlat(before, "20000 blocks closed after buf(), buffers dropped and collected");
    }

    private static void assertMappingsFlat(long before, String what) throws java.io.IOException {
        long after = mappingCount();
        assertTrue(after - before < MAPPINGS_SLACK, what + ": the process had "
                + before + " mappings before and " + after + " after");
    }

    private static long mappingCount() throws java.io.IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.count();
        }
    }
}
