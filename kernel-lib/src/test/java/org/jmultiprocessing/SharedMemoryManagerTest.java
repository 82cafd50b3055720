package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.internal.thread.ThreadBackend;
import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.Pools;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.SharedBlocks;
import org.jmultiprocessing.spi.SharedCells;
import org.jmultiprocessing.spi.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Python's {@code SharedMemoryManager}: what it made is unlinked at shutdown, at exit, and when its owner is killed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedMemoryManagerTest {
    @Test
    void shouldUnlinkWhatItMadeAtShutdownWhileAttachedUsersKeepTheirMemory() {
        SharedMemory shm;
        ShareableList list;
        SharedMemory attached;
        try (SharedMemoryManager smm = new SharedMemoryManager().start()) {
            shm = smm.sharedMemory(64);
            list = smm.shareableList("a", 1, 2.5);
            shm.buf().put(0, (byte) 7);
            attached = SharedMemory.attach(shm.name());
            assertEquals("a", ShareableList.attach(list.name()).get(0));
            assertEquals(1, ownerRecords(Multiprocessing.pid()).size(), "one record of this manager's blocks");
        }
        assertThrows(IllegalArgumentException.class, () -> SharedMemory.attach(shm.name()));
        assertThrows(IllegalArgumentException.class, () -> ShareableList.attach(list.name()));
        assertFalse(Files.exists(blockFile(shm.name())));
        assertFalse(Files.exists(blockFile(list.name())));
        assertEquals(List.of(), ownerRecords(Multiprocessing.pid()), "the record goes with its blocks");
        assertEquals(7, attached.buf().get(0), "an attached instance keeps its memory, as in Python");
        assertEquals(2.5, list.get(2));
        attached.close();
    }

    @Test
    void shouldSayWhatToDoBeforeStartAndAfterShutdown() {
        SharedMemoryManager smm = new SharedMemoryManager();
        IllegalStateException notStarted = assertThrows(IllegalStateException.class, () -> smm.sharedMemory(8));
        assertTrue(notStarted.getMessage().startsWith("this SharedMemoryManager is not started: call start() before"
                + " sharedMemory()"), notStarted.getMessage());
        smm.start();
        assertThrows(IllegalStateException.class, smm::start);
        assertThrows(IllegalArgumentException.class, () -> smm.sharedMemory(0), "SharedMemory's own checks apply");
        smm.shutdown();
        smm.shutdown();
        IllegalStateException shutDown = assertThrows(IllegalStateException.class, () -> smm.shareableList(1));
        assertTrue(shutDown.getMessage().startsWith("this SharedMemoryManager is shut down"), shutDown.getMessage());
        assertEquals("<SharedMemoryManager context=process shut down>", smm.toString());
    }

    @Test
    void shouldUnlinkWhatItMadeWhenItsOwnerIsKilled() throws Exception {
        Queue<String> names = new Queue<>();
        Process owner = new Process((Queue<String> out) -> {
            SharedMemoryManager smm = new SharedMemoryManager().start();
            out.put(smm.sharedMemory(4096).name());
            out.put(smm.shareableList(1, 2, 3).name());
            out.put("ready");
            Thread.sleep(60_000);
        }, names);
        owner.start();
        String block = names.get(30.0);
        String list = names.get(30.0);
        assertEquals("ready", names.get(30.0));
        assertTrue(Files.exists(blockFile(block)) && Files.exists(blockFile(list)));
        assertEquals(1, ownerRecords(owner.pid()).size());

        owner.kill();
        owner.join();
        assertEquals(-9, owner.exitCode());
        assertFalse(Files.exists(blockFile(block)), "a killed owner's block is unlinked by its parent");
        assertFalse(Files.exists(blockFile(list)));
        assertEquals(List.of(), ownerRecords(owner.pid()));
        names.close();
    }

    @Test
    void shouldUnlinkWhatItMadeWhenItsOwnerExitsWithoutShutdown() throws Exception {
        Queue<String> names = new Queue<>();
        Process owner = new Process((Queue<String> out) -> out.put(new SharedMemoryManager().start().sharedMemory(16).name()),
                names);
        owner.start();
        String block = names.get(30.0);
        owner.join();
        assertEquals(0, owner.exitCode());
        assertFalse(Files.exists(blockFile(block)));
        assertEquals(List.of(), ownerRecords(owner.pid()));
        names.close();
    }

    @Test
    void shouldWorkInTheThreadContextAndRefuseAContextWithoutSharedMemory() {
        try (SharedMemoryManager smm = new SharedMemoryManager(Multiprocessing.getContext("thread")).start()) {
            assertEquals("thread", smm.context().name());
            assertEquals(3, smm.shareableList(1, 2, 3).size());
        }
        Context noMemory = Context.of(new WithoutSharedMemory());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new SharedMemoryManager(noMemory));
        assertTrue(e.getMessage().startsWith("the \"no-memory\" context has no shared memory, so no SharedMemoryManager"),
                e.getMessage());
    }

    private static Path blockFile(String name) {
        return Session.current().directory().resolve("shm-" + name);
    }

    private static List<Path> ownerRecords(long pid) {
        try (Stream<Path> files = Files.list(Session.current().directory())) {
            return files.filter(p -> p.getFileName().toString().startsWith("smm-" + pid + "-")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The thread backend, less its shared memory: what a backend without shared memory answers. */
    private static final class WithoutSharedMemory implements Backend {
        @Override
        public String name() {
            return "no-memory";
        }

        @Override
        public Processes processes() {
            return ThreadBackend.INSTANCE.processes();
        }

        @Override
        public Pools pools() {
            return ThreadBackend.INSTANCE.pools();
        }

        @Override
        public Channels channels() {
            return ThreadBackend.INSTANCE.channels();
        }

        @Override
        public Locks locks() {
            return ThreadBackend.INSTANCE.locks();
        }

        @Override
        public Signals signals() {
            return ThreadBackend.INSTANCE.signals();
        }

        @Override
        public SharedCells cells() {
            return ThreadBackend.INSTANCE.cells();
        }

        @Override
        public SharedBlocks memory() {
            throw new UnsupportedOperationException("no shared memory here");
        }
    }
}
