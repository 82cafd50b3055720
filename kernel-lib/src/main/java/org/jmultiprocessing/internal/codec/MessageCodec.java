package org.jmultiprocessing.internal.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Turns a message object into a tagged payload and back. Plain values (null, strings, boxed primitives, byte,
 * double, int and long arrays: see {@link PlainValues}) travel in their compact bytes; everything else
 * through Java serialization, which must be able to load the class on the receiving side (the thread's
 * context class loader is tried first, so classes defined in a notebook resolve in a child process that
 * installed them there).
 */
public final class MessageCodec {
    public static final int BYTES = PlainValues.BYTES;
    public static final int SERIALIZED = PlainValues.SERIALIZED;

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
        int tag = PlainValues.tagOf(message);
        return new Encoded(tag, tag == SERIALIZED ? serialize(message) : PlainValues.bytesOf(tag, message));
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
            return Deserialization.admitUnserialized(PlainValues.valueOf(tag, payload), payload.length);
        } catch (InvalidClassException e) {
            throw new UncheckedIOException("cannot receive a message: " + e.getMessage(), e);
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
