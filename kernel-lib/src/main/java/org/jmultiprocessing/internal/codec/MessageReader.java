package org.jmultiprocessing.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one message of the pool protocol written by {@link MessageWriter}. */
public final class MessageReader {
    private final ByteBuffer buffer;

    public MessageReader(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    public int getByte() {
        return buffer.get();
    }

    int getInt() {
        return buffer.getInt();
    }

    public byte[] getBytes() {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return bytes;
    }

    public String getString() {
        int length = buffer.getInt();
        String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return value;
    }

    public Map<String, byte[]> getClasses() {
        int n = getInt();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            classes.put(getString(), getBytes());
        }
        return classes;
    }
}
