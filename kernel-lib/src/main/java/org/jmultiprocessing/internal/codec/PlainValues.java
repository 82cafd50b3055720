package org.jmultiprocessing.internal.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one tag table of the library's wire forms. A plain value (null, a String, one of the eight boxed
 * primitives, a {@code byte[]}, {@code double[]}, {@code int[]} or {@code long[]}) has a tag and compact
 * bytes; anything else is {@link #SERIALIZED}: a java.io serialization stream, read through
 * {@link Deserialization}. Reading compact bytes loads no class and runs no constructor, which is why plain
 * values skip serialization wherever they travel:
 *
 * <pre>
 * bytes of a value:  NULL: none | numbers, BOOLEAN, CHAR: fixed size, big-endian | STRING: UTF-8 | BYTES: the array
 *                    | DOUBLES, INTS, LONGS: the elements, big-endian
 * a queue or pipe message:   the tag and the bytes in the frame's header and body ({@link MessageCodec})
 * a value in a shipment:     byte tag | [int length, for STRING and arrays] | bytes  ({@link #write}, {@link #read})
 * a chunk of pool values:    byte tag | int n | n * ([int length] | bytes), when all have one class ({@link ValueCodec})
 * </pre>
 */
public final class PlainValues {
    static final int NULL = 0;
    static final int STRING = 1;
    static final int INT = 2;
    static final int LONG = 3;
    static final int DOUBLE = 4;
    static final int FLOAT = 5;
    static final int BOOLEAN = 6;
    static final int SHORT = 7;
    static final int BYTE = 8;
    static final int CHAR = 9;
    static final int BYTES = 10;
    static final int DOUBLES = 11;
    static final int INTS = 12;
    static final int LONGS = 13;
    /** Not a plain value: its bytes are a java.io serialization stream. */
    static final int SERIALIZED = 14;

    private static final byte[] EMPTY = new byte[0];

    private PlainValues() {
    }

    /** The tag of {@code value}: {@link #SERIALIZED} when it is not plain. */
    static int tagOf(Object value) {
        return value == null ? NULL : tagOf(value.getClass());
    }

    /** The tag of the values of class {@code type} (the commonest first: a queue's hot path asks). */
    static int tagOf(Class<?> type) {
        if (type == Integer.class) {
            return INT;
        }
        if (type == String.class) {
            return STRING;
        }
        if (type == Long.class) {
            return LONG;
        }
        if (type == Double.class) {
            return DOUBLE;
        }
        if (type == Boolean.class) {
            return BOOLEAN;
        }
        if (type == byte[].class) {
            return BYTES;
        }
        if (type == double[].class) {
            return DOUBLES;
        }
        if (type == int[].class) {
            return INTS;
        }
        if (type == long[].class) {
            return LONGS;
        }
        if (type == Float.class) {
            return FLOAT;
        }
        if (type == Short.class) {
            return SHORT;
        }
        if (type == Byte.class) {
            return BYTE;
        }
        if (type == Character.class) {
            return CHAR;
        }
        return SERIALIZED;
    }

    /** Whether every one of {@code values} is plain. */
    public static boolean allPlain(Object[] values) {
        for (Object value : values) {
            if (tagOf(value) == SERIALIZED) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes of {@code value}, whose tag is {@code tag} (not {@link #SERIALIZED}); a {@code byte[]} is its
     * own bytes, not a copy.
     */
    static byte[] bytesOf(int tag, Object value) {
        // One case per tag, without the buffer a chunk uses: a queue's hot path.
        return switch (tag) {
            case INT -> ByteBuffer.allocate(Integer.BYTES).putInt(0, (Integer) value).array();
            case STRING -> ((String) value).getBytes(StandardCharsets.UTF_8);
            case LONG -> ByteBuffer.allocate(Long.BYTES).putLong(0, (Long) value).array();
            case DOUBLE -> ByteBuffer.allocate(Double.BYTES).putDouble(0, (Double) value).array();
            case BOOLEAN -> new byte[] {(byte) ((Boolean) value ? 1 : 0)};
            case BYTES -> (byte[]) value;
            case DOUBLES -> {
                double[] array = (double[]) value;
                ByteBuffer bytes = ByteBuffer.allocate(arrayBytes(array.length, Double.BYTES, value));
                bytes.asDoubleBuffer().put(array);
                yield bytes.array();
            }
            case INTS -> {
                int[] array = (int[]) value;
                ByteBuffer bytes = ByteBuffer.allocate(arrayBytes(array.length, Integer.BYTES, value));
                bytes.asIntBuffer().put(array);
                yield bytes.array();
            }
            case LONGS -> {
                long[] array = (long[]) value;
                ByteBuffer bytes = ByteBuffer.allocate(arrayBytes(array.length, Long.BYTES, value));
                bytes.asLongBuffer().put(array);
                yield bytes.array();
            }
            case FLOAT -> ByteBuffer.allocate(Float.BYTES).putFloat(0, (Float) value).array();
            case SHORT -> ByteBuffer.allocate(Short.BYTES).putShort(0, (Short) value).array();
            case BYTE -> new byte[] {(Byte) value};
            case CHAR -> ByteBuffer.allocate(Character.BYTES).putChar(0, (Character) value).array();
            case NULL -> EMPTY;
            default -> throw new IllegalStateException(unknown(tag));
        };
    }

    /**
     * The value of tag {@code tag} whose bytes are {@code bytes} (a {@code byte[]} value is {@code bytes}
     * itself).
     *
     * @throws IllegalStateException if {@code tag} is not a plain value's
     */
    static Object valueOf(int tag, byte[] bytes) {
        return switch (tag) {
            case INT -> ByteBuffer.wrap(bytes).getInt(0);
            case STRING -> new String(bytes, StandardCharsets.UTF_8);
            case LONG -> ByteBuffer.wrap(bytes).getLong(0);
            case DOUBLE -> ByteBuffer.wrap(bytes).getDouble(0);
            case BOOLEAN -> bytes[0] != 0;
            case BYTES -> bytes;
            case DOUBLES -> {
                double[] array = new double[elements(bytes, Double.BYTES)];
                ByteBuffer.wrap(bytes).asDoubleBuffer().get(array);
                yield array;
            }
            case INTS -> {
                int[] array = new int[elements(bytes, Integer.BYTES)];
                ByteBuffer.wrap(bytes).asIntBuffer().get(array);
                yield array;
            }
            case LONGS -> {
                long[] array = new long[elements(bytes, Long.BYTES)];
                ByteBuffer.wrap(bytes).asLongBuffer().get(array);
                yield array;
            }
            case FLOAT -> ByteBuffer.wrap(bytes).getFloat(0);
            case SHORT -> ByteBuffer.wrap(bytes).getShort(0);
            case BYTE -> bytes[0];
            case CHAR -> ByteBuffer.wrap(bytes).getChar(0);
            case NULL -> null;
            default -> throw new IllegalStateException(unknown(tag));
        };
    }

    /** The bytes of an array of {@code length} elements of {@code size} bytes: at most a Java array's. */
    private static int arrayBytes(int length, int size, Object array) {
        if (length > Integer.MAX_VALUE / size) {
            throw new IllegalArgumentException("cannot send a " + array.getClass().getSimpleName() + " of " + length
                    + " elements to another process: at most " + Integer.MAX_VALUE / size + " fit in one message;"
                    + " send it in parts");
        }
        return length * size;
    }

    private static int elements(byte[] bytes, int size) {
        if (bytes.length % size != 0) {
            throw new IllegalStateException("corrupt data: an array of " + size + "-byte elements in " + bytes.length
                    + " bytes");
        }
        return bytes.length / size;
    }

    /** Writes {@code value} (plain: see {@link #allPlain}) as a tagged value of a shipment. */
    public static void write(DataOutput out, Object value) throws IOException {
        int tag = tagOf(value);
        if (tag == SERIALIZED) {
            throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
        }
        out.writeByte(tag);
        byte[] bytes = bytesOf(tag, value);
        if (fixedLength(tag) < 0) {
            out.writeInt(bytes.length);
        }
        out.write(bytes);
    }

    /** Reads a tagged value that {@link #write} wrote. */
    public static Object read(DataInput in) throws IOException {
        int tag = in.readByte();
        if (tag < NULL || tag >= SERIALIZED) {
            throw new IOException(unknown(tag));
        }
        int length = fixedLength(tag);
        byte[] bytes = new byte[length < 0 ? in.readInt() : length];
        in.readFully(bytes);
        return valueOf(tag, bytes);
    }

    /** Writes a string as shipments frame one: int length | UTF-8 (unlike {@code writeUTF}, of any length). */
    public static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes {@code values}, all of tag {@code tag} (neither NULL nor SERIALIZED), one after the other. */
    static void writeAll(MessageWriter out, int tag, Object[] values) {
        int length = fixedLength(tag);
        if (length < 0) {
            for (Object value : values) {
                out.putBytes(bytesOf(tag, value));
            }
            return;
        }
        ByteBuffer buffer = out.ensure(values.length * length);
        for (Object value : values) {
            putFixed(buffer, tag, value);
        }
    }

    /** Reads {@code values.length} values of tag {@code tag} that {@link #writeAll} wrote. */
    static void readAll(MessageReader in, int tag, Object[] values) throws IOException {
        if (tag <= NULL || tag >= SERIALIZED) {
            throw new IOException(unknown(tag));
        }
        ByteBuffer buffer = in.buffer();
        if (tag == STRING) {
            // Decoded in place: no copy of each string's bytes.
            for (int i = 0; i < values.length; i++) {
                int length = buffer.getInt();
                values[i] = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
                buffer.position(buffer.position() + length);
            }
        } else if (tag == BYTES) {
            for (int i = 0; i < values.length; i++) {
                values[i] = in.getBytes();
            }
        } else if (fixedLength(tag) < 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] = valueOf(tag, in.getBytes());
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = getFixed(buffer, tag);
            }
        }
    }

    /** The length of a value of {@code tag}'s bytes, or -1 when it varies (STRING and the arrays). */
    private static int fixedLength(int tag) {
        return switch (tag) {
            case NULL -> 0;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
            case SHORT, CHAR -> 2;
            case BOOLEAN, BYTE -> 1;
            case STRING, BYTES, DOUBLES, INTS, LONGS -> -1;
            default -> throw new IllegalStateException(unknown(tag));
        };
    }

    private static void putFixed(ByteBuffer out, int tag, Object value) {
        switch (tag) {
            case INT -> out.putInt((Integer) value);
            case LONG -> out.putLong((Long) value);
            case DOUBLE -> out.putDouble((Double) value);
            case FLOAT -> out.putFloat((Float) value);
            case BOOLEAN -> out.put((byte) ((Boolean) value ? 1 : 0));
            case SHORT -> out.putShort((Short) value);
            case BYTE -> out.put((Byte) value);
            case CHAR -> out.putChar((Character) value);
            default -> throw new IllegalStateException(unknown(tag));
        }
    }

    private static Object getFixed(ByteBuffer in, int tag) {
        return switch (tag) {
            case INT -> in.getInt();
            case LONG -> in.getLong();
            case DOUBLE -> in.getDouble();
            case FLOAT -> in.getFloat();
            case BOOLEAN -> in.get() != 0;
            case SHORT -> in.getShort();
            case BYTE -> in.get();
            case CHAR -> in.getChar();
            default -> throw new IllegalStateException(unknown(tag));
        };
    }

    private static String unknown(int tag) {
        return "unknown value tag " + tag + ": corrupt data, or kernel-lib versions differ";
    }
}
