package org.jmultiprocessing.internal.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;


/**
 * Turns a message object into a tagged payload and back. Small common values (null, boxed primitives,
 * strings, byte arrays) have compact fast paths; everything else goes through Java serialization, which must
 * be able to load the class on the receiving side (the thread's context class loader is tried first, so
 * classes defined in a notebook resolve in a child process that installed them there).
 */
public final class MessageCodec {
    public static final int NULL = 0;
    public static final int INT = 1;
    public static final int LONG = 2;
    public static final int DOUBLE = 3;
    public static final int BOOLEAN = 4;
    public static final int STRING = 5;
    public static final int BYTES = 6;
    public static final int SERIALIZED = 7;

    private static final byte[] EMPTY = new byte[0];

    private MessageCodec() {
    }

    /** A payload and its tag; {@code bytes} may be the caller's own array (for {@code byte[]} messages). */
    public record Encoded(int tag, byte[] bytes) {
        public int length() {
            return bytes.length;
        }

        /** A copy that no longer shares an array with the caller, for messages kept for later. */
        public Encoded detached() {
            return tag == BYTES ? new Encoded(tag, bytes.clone()) : this;
        }
    }

    public static Encoded encode(Object message) {
        if (message == null) {
            return new Encoded(NULL, EMPTY);
        }
        if (message instanceof Integer i) {
            return new Encoded(INT, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, i).array());
        }
        if (message instanceof Long l) {
            return new Encoded(LONG, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, l).array());
        }
        if (message instanceof Double d) {
            return new Encoded(DOUBLE, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putDouble(0, d).array());
        }
        if (message instanceof Boolean b) {
            return new Encoded(BOOLEAN, new byte[] {(byte) (b ? 1 : 0)});
        }
        if (message instanceof String s) {
            return new Encoded(STRING, s.getBytes(StandardCharsets.UTF_8));
        }
        if (message instanceof byte[] bytes) {
            return new Encoded(BYTES, bytes);
        }
        return new Encoded(SERIALIZED, serialize(message));
    }

    /**
     * The message of {@code tag} and {@code payload}. Serialized payloads pass the library's deserialization
     * filter, and values in the compact forms the user's filter too.
     */
    public static Object decode(int tag, byte[] payload) {
        if (tag == SERIALIZED) {
            return deserialize(payload);
        }
        try {
            return Deserialization.admitUnserialized(decodeCompact(tag, payload), payload.length);
        } catch (InvalidClassException e) {
            throw new UncheckedIOException("cannot receive a message: " + e.getMessage(), e);
        }
    }

    private static Object decodeCompact(int tag, byte[] payload) {
        switch (tag) {
            case NULL:
                return null;
            case INT:
                return ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt(0);
            case LONG:
                return ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getLong(0);
            case DOUBLE:
                return ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getDouble(0);
            case BOOLEAN:
                return payload[0] != 0;
            case STRING:
                return new String(payload, StandardCharsets.UTF_8);
            case BYTES:
                return payload;
            default:
                throw new IllegalStateException("corrupt message: unknown type tag " + tag);
        }
    }

    public static byte[] serialize(Object message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(message);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("cannot send a " + message.getClass().getName() + " to another process: "
                    + e.getMessage() + " is not Serializable (implement java.io.Serializable, or send its data"
                    + " as strings, numbers or byte arrays)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a " + message.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    public static Object deserialize(byte[] payload) {
        try {
            return Deserialization.read(payload, 0, payload.length, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("received an object of class " + e.getMessage() + " that this process"
                    + " cannot load; put the class on the child's class path or define it before starting the process", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deserialize a received message: " + e.getMessage(), e);
        }
    }
}
