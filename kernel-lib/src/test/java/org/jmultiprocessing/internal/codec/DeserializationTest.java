package org.jmultiprocessing.internal.codec;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Messages whose lengths were forged, decoded as {@code Queue.get} and {@code Connection.recv} decode a
 * serialized payload: refused before anything is allocated, not an {@link OutOfMemoryError}.
 */
class DeserializationTest {
    private static final int FORGED_LENGTH = 0x7FFF_FFF0;

    /** A level of a graph that takes much stack to read: its own readObject, called reflectively. */
    static final class Node implements Serializable {
        private final Node next;

        Node(Node next) {
            this.next = next;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
        }
    }

    static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** The first position of {@code pattern} in {@code bytes}. */
    static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    @Test
    void shouldRefuseAPrimitiveArrayLongerThanTheBytesLeftInTheMessage() throws IOException {
        byte[] forged = serialize(new long[4]);
        // The array's length comes right before its 32 bytes of data.
        ByteBuffer.wrap(forged).putInt(forged.length - 32 - 4, FORGED_LENGTH);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> MessageCodec.decode(MessageCodec.SERIALIZED, forged));
        assertTrue(e.getMessage().contains("an array of " + FORGED_LENGTH + " long values would take "
                + FORGED_LENGTH * 8L + " bytes, more than the 32 bytes left in the message"), e.getMessage());
        assertInstanceOf(InvalidClassException.class, e.getCause());
    }

    @Test
    void shouldRefuseACollectionClaimingMoreElementsThanTheHeapHolds() throws IOException {
        byte[] forged = serialize(new ArrayList<>(Arrays.asList(null, null, null)));
        // ArrayList writes its size as a field, then again as block data (TC_BLOCKDATA, 4 bytes): forge the field.
        int size = indexOf(forged, new byte[] {0, 0, 0, 3, 0x77, 4, 0, 0, 0, 3});
        ByteBuffer.wrap(forged).putInt(size, FORGED_LENGTH);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> MessageCodec.decode(MessageCodec.SERIALIZED, forged));
        assertTrue(e.getMessage().contains("an array or collection of " + FORGED_LENGTH + " elements"), e.getMessage());
    }

    @Test
    void shouldPassCollectionsWhoseTablesNoBytesBack() throws IOException {
        List<String> copies = Collections.nCopies(10_000_000, "same");
        assertEquals(copies, MessageCodec.decode(MessageCodec.SERIALIZED, serialize(copies)));
        List<Integer> numbers = new ArrayList<>(List.of(1, 2, 3));
        assertEquals(numbers, MessageCodec.decode(MessageCodec.SERIALIZED, serialize(numbers)));
    }

    @Test
    void shouldRefuseAGraphDeeperThanTheLimitAndPassOneAtIt() throws Exception {
        byte[] atLimit = serialize(nested(StreamFilter.MAX_DEPTH));
        byte[] deep = serialize(nested(StreamFilter.MAX_DEPTH + 1));
        assertEquals(StreamFilter.MAX_DEPTH, depth((Object[]) Deserialization.read(atLimit, 0, atLimit.length, null)));
        InvalidClassException e = assertThrows(InvalidClassException.class,
                () -> Deserialization.read(deep, 0, deep.length, null));
        assertTrue(e.getMessage().startsWith("the object graph nests deeper than " + StreamFilter.MAX_DEPTH + " levels"),
                e.getMessage());
    }

    @Test
    void shouldReportAStackOverflowWithinTheDepthLimitAsAClearError() throws Exception {
        Node chain = null;
        for (int i = 0; i < StreamFilter.MAX_DEPTH; i++) {
            chain = new Node(chain);
        }
        byte[] deep = serialize(chain);
        Throwable[] thrown = new Throwable[1];
        // A small stack overflows before the depth limit.
        Thread reader = new Thread(null, () -> {
            try {
                Deserialization.read(deep, 0, deep.length, null);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small-stack-reader", 128 << 10);
        reader.start();
        reader.join();
        InvalidObjectException e = assertInstanceOf(InvalidObjectException.class, thrown[0]);
        assertTrue(e.getMessage().startsWith("the object graph nests too deep for the stack of thread 'small-stack-reader'"),
                e.getMessage());
    }

    private static Object[] nested(int levels) {
        Object[] root = new Object[1];
        Object[] current = root;
        for (int i = 1; i < levels; i++) {
            Object[] next = new Object[1];
            current[0] = next;
            current = next;
        }
        return root;
    }

    private static int depth(Object[] root) {
        int depth = 0;
        for (Object[] a = root; a != null; a = (Object[]) a[0]) {
            depth++;
        }
        return depth;
    }
}
