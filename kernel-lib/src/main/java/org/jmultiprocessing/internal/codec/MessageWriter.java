package org.jmultiprocessing.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Builds one message of the pool protocol in a growable big-endian buffer. Bulk puts keep arrays of numbers
 * at memory speed, which a {@code DataOutputStream} (one synchronized call per byte) does not.
 */
public final class MessageWriter {
    private ByteBuffer buffer;

    public MessageWriter(int initialCapacity) {
        buffer = ByteBuffer.allocate(Math.max(64, initialCapacity));
        buffer.position(Integer.BYTES); // room for the length prefix
    }

    public MessageWriter putByte(int value) {
        ensure(1).put((byte) value);
        return this;
    }

    MessageWriter putInt(int value) {
        ensure(Integer.BYTES).putInt(value);
        return this;
    }

    public MessageWriter putBytes(byte[] bytes) {
        ensure(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes);
        return this;
    }

    public MessageWriter putString(String value) {
        return putBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public MessageWriter putClasses(Map<String, byte[]> classes) {
        putInt(classes.size());
        classes.forEach((name, bytecode) -> putString(name).putBytes(bytecode));
        return this;
    }

    public MessageWriter putRaw(byte[] bytes) {
        ensure(bytes.length).put(bytes);
        return this;
    }

    /** What was written so far, without the length prefix. */
    public byte[] body() {
        return Arrays.copyOfRange(buffer.array(), Integer.BYTES, buffer.position());
    }

    /** Reserves {@code n} bytes and returns the buffer positioned to receive them. */
    ByteBuffer ensure(int n) {
        if (buffer.remaining() < n) {
            int capacity = Math.max(buffer.capacity() * 2, buffer.position() + n);
            buffer = ByteBuffer.wrap(Arrays.copyOf(buffer.array(), capacity)).position(buffer.position());
        }
        return buffer;
    }

    /** The finished message, length prefix included, ready to write. */
    public ByteBuffer finish() {
        ByteBuffer out = buffer.duplicate().flip();
        out.putInt(0, out.limit() - Integer.BYTES);
        return out;
    }
}
