package org.jmultiprocessing.internal.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The form in which a chunk of task arguments or results travels. A chunk whose values are all of one of
 * the common simple types (Integer, Long, Double, Boolean, String) goes as a packed array; anything else as
 * one Java-serialized {@code Object[]}. Serializing each boxed number would cost a hundred times more.
 */
public final class ValueCodec {
    private static final int INTS = 1;
    private static final int LONGS = 2;
    private static final int DOUBLES = 3;
    private static final int BOOLEANS = 4;
    private static final int STRINGS = 5;
    private static final int SERIALIZED = 6;

    /** Turns the bytes of a serialized {@code Object[]} back into objects, with the right class loader. */
    public interface Deserializer {
        Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException;
    }

    private ValueCodec() {
    }

    /** Writes {@code values} packed and returns true, or writes nothing and returns false. */
    public static boolean writePacked(MessageWriter out, Object[] values) {
        Class<?> type = values.length == 0 ? Integer.class : values[0] == null ? null : values[0].getClass();
        if (type == null || !isPackable(type)) {
            return false;
        }
        for (Object value : values) {
            if (value == null || value.getClass() != type) {
                return false;
            }
        }
        int n = values.length;
        if (type == Integer.class) {
            ByteBuffer b = out.putByte(INTS).putInt(n).ensure(n * Integer.BYTES);
            for (Object value : values) {
                b.putInt((Integer) value);
            }
        } else if (type == Long.class) {
            ByteBuffer b = out.putByte(LONGS).putInt(n).ensure(n * Long.BYTES);
            for (Object value : values) {
                b.putLong((Long) value);
            }
        } else if (type == Double.class) {
            ByteBuffer b = out.putByte(DOUBLES).putInt(n).ensure(n * Double.BYTES);
            for (Object value : values) {
                b.putDouble((Double) value);
            }
        } else if (type == Boolean.class) {
            ByteBuffer b = out.putByte(BOOLEANS).putInt(n).ensure(n);
            for (Object value : values) {
                b.put((byte) ((Boolean) value ? 1 : 0));
            }
        } else {
            out.putByte(STRINGS).putInt(n);
            for (Object value : values) {
                out.putString((String) value);
            }
        }
        return true;
    }

    public static void writeSerialized(MessageWriter out, byte[] serializedArray) {
        out.putByte(SERIALIZED).putBytes(serializedArray);
    }

    public static Object[] read(MessageReader in, Deserializer deserializer) throws IOException, ClassNotFoundException {
        int tag = in.getByte();
        if (tag == SERIALIZED) {
            return (Object[]) deserializer.deserialize(in.getBytes());
        }
        int n = in.getInt();
        Object[] values = new Object[n];
        ByteBuffer b = in.buffer();
        switch (tag) {
            case INTS -> {
                for (int i = 0; i < n; i++) {
                    values[i] = b.getInt();
                }
            }
            case LONGS -> {
                for (int i = 0; i < n; i++) {
                    values[i] = b.getLong();
                }
            }
            case DOUBLES -> {
                for (int i = 0; i < n; i++) {
                    values[i] = b.getDouble();
                }
            }
            case BOOLEANS -> {
                for (int i = 0; i < n; i++) {
                    values[i] = b.get() != 0;
                }
            }
            case STRINGS -> {
                for (int i = 0; i < n; i++) {
                    int length = b.getInt();
                    values[i] = new String(b.array(), b.arrayOffset() + b.position(), length, StandardCharsets.UTF_8);
                    b.position(b.position() + length);
                }
            }
            default -> throw new IOException("unknown value encoding " + tag + " (kernel-lib versions differ?)");
        }
        return values;
    }

    private static boolean isPackable(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Double.class || type == Boolean.class
                || type == String.class;
    }
}
