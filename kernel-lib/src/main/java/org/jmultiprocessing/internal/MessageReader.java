package org.jmultiprocessing.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one message of the pool protocol written by {@link MessageWriter}. */
final class MessageReader {
    private final ByteBuffer buffer;

    MessageReader(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    int getByte() {
        return buffer.get();
    }

    int getInt() {
        return buffer.getInt();
    }

    long getLong() {
        return buffer.getLong();
    }

    double getDouble() {
        return buffer.getDouble();
    }

    byte[] getBytes() {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return bytes;
    }

    String getString() {
        int length = buffer.getInt();
        String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return value;
    }

    Map<String, byte[]> getClasses() {
        int n = getInt();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            classes.put(getString(), getBytes());
        }
        return classes;
    }
}
