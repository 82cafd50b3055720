package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedMemoryTest {
    @Test
    void shouldShareBytesWithAChildThatAttachesByName() throws Exception {
        SharedMemory shm = SharedMemory.create(4096);
        shm.buf().put(0, (byte) 42);
        String name = shm.name();
        ChildJvm child = ChildJvm.start(() -> {
            SharedMemory same = SharedMemory.attach(name);
            ByteBuffer buf = same.buf();
            buf.put(1, (byte) (buf.get(0) + 1));
            same.close();
        });
        child.joinSuccessfully();
        assertEquals(43, shm.buf().get(1));
        assertEquals(4096, shm.size());
        shm.close();
        shm.unlink();
        assertThrows(IllegalArgumentException.class, () -> SharedMemory.attach(name));
    }

    @Test
    void shouldCreateAndAttachByAChosenNameAsInPython() {
        SharedMemory created = new SharedMemory("block-a", true, 100);
        SharedMemory attached = new SharedMemory("block-a", false, 0);
        created.buf().putLong(8, 123456789L);
        assertEquals(123456789L, attached.buf().getLong(8));
        assertEquals(100, attached.size());
        SharedMemory.FileExists exists = assertThrows(SharedMemory.FileExists.class, () -> SharedMemory.create("block-a", 10));
        assertTrue(exists.getMessage().startsWith("a shared memory block named 'block-a' already exists"), exists.getMessage());
        assertInstanceOf(java.nio.file.FileAlreadyExistsException.class, exists.getCause());
        assertThrows(SharedMemory.FileExists.class, () -> new SharedMemory("block-a", true, 10));
        assertEquals(123456789L, attached.buf().getLong(8), "the failed create changed the existing block");
        assertThrows(IllegalArgumentException.class, () -> SharedMemory.create("../escape", 10));
        attached.close();
        created.unlink();
        created.close();
        assertThrows(IllegalStateException.class, created::buf);
    }

    @Test
    void shouldPassTheObjectItselfToAChildProcess() throws Exception {
        SharedMemory shm = SharedMemory.create(16);
        ChildJvm child = ChildJvm.start(() -> shm.buf().putInt(0, 0xCAFE));
        child.joinSuccessfully();
        assertEquals(0xCAFE, shm.buf().getInt(0));
    }

    @Test
    void shouldShareAListOfMixedItemsWithAChildProcess() throws Exception {
        ShareableList list = ShareableList.of("howdy", 42, 7L, 3.5, true, null, new byte[] {1, 2});
        assertEquals(7, list.size());
        assertEquals(java.util.Arrays.asList("howdy", 42, 7L, 3.5, true, null), list.subList(0, 6));
        String name = list.name();
        ChildJvm child = ChildJvm.start(() -> {
            ShareableList same = ShareableList.attach(name);
            same.set(0, "HI");
            same.set(1, (Integer) same.get(1) + 1);
            same.set(5, "was null");
        });
        child.joinSuccessfully();
        assertEquals("HI", list.get(0));
        assertEquals(43, list.get(1));
        assertEquals("was null", list.get(5));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) list.get(6));
        assertThrows(IllegalArgumentException.class, () -> list.set(0, "a string too long for its slot"));
        assertThrows(IllegalArgumentException.class, () -> list.set(0, new Object()));
        assertThrows(UnsupportedOperationException.class, () -> list.add("more"));
        ChildJvm reader = ChildJvm.start(() -> {
            if (!"HI".equals(list.get(0))) {
                throw new AssertionError("child saw " + list.get(0));
            }
        });
        reader.joinSuccessfully();
    }

    @Test
    void shouldCreateAListUnderAChosenNameAndRefuseATakenOne() {
        ShareableList list = ShareableList.create("list-a", java.util.List.of(1, "one"));
        assertEquals("list-a", list.name());
        assertThrows(SharedMemory.FileExists.class, () -> ShareableList.create("list-a", java.util.List.of(2)));
        ShareableList same = ShareableList.attach("list-a");
        assertEquals(java.util.List.of(1, "one"), same);
        assertThrows(IndexOutOfBoundsException.class, () -> same.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> same.set(-1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> same.set(1, "more than eight bytes"));
        assertEquals("item of 21 bytes does not fit in slot 1 of 8 bytes (a ShareableList's slots keep the size they"
                + " had at creation)", e.getMessage());
        assertEquals("one", list.set(1, 1.5));
        assertEquals(1.5, same.get(1));
        assertEquals("SharedMemory(name=list-a, size=" + same.shm().size() + ")", same.shm().toString());
        same.shm().close();
        list.shm().close();
        list.shm().unlink();
    }

    @Test
    void shouldRefuseSizesOutsideOneToTheLargestBlock() {
        for (int size : new int[] {0, -1, SharedMemory.MAX_SIZE + 1, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SharedMemory.create(size));
            assertEquals("size must be between 1 and 2147479543 bytes, got " + size, e.getMessage());
        }
    }

    @Test
    void shouldThrowIllegalStateOnUseAfterCloseButKeepBuffersHandedOutWorking() {
        SharedMemory shm = SharedMemory.create(64);
        ByteBuffer buf = shm.buf();
        shm.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, shm::buf);
        assertTrue(e.getMessage().startsWith("shared memory " + shm.name() + " is closed in this instance"), e.getMessage());
        buf.putInt(0, 42);
        assertEquals(42, buf.getInt(0));
        ShareableList list = ShareableList.of("a", 1);
        list.shm().close();
        for (org.junit.jupiter.api.function.Executable use : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                () -> list.get(0), () -> list.set(1, 2), list::size, () -> list.contains("a"))) {
            assertThrows(IllegalStateException.class, use);
        }
    }

    @Test
    void shouldNeverTouchUnmappedMemoryWhenClosedWhileOtherThreadsUseIt() throws Exception {
        ClosingRace.run(2, () -> ShareableList.of(1, "two", 3.0), list -> {
            list.set(0, (Integer) list.get(0) + 1);
            list.size();
        }, list -> list.shm().close(), "is closed in this instance");
    }
}
