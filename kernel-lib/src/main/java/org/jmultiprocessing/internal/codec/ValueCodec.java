package org.jmultiprocessing.internal.codec;

import java.io.IOException;

/**
 * The form in which a chunk of task arguments or results travels. A chunk whose values are all plain and of
 * one class (see {@link PlainValues}) goes packed: the tag once, then each value's bytes; anything else as one
 * Java-serialized {@code Object[]}. Serializing each boxed number would cost a hundred times more.
 */
public final class ValueCodec {
    /** Turns the bytes of a serialized {@code Object[]} back into objects, with the right class loader. */
    public interface Deserializer {
        Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException;
    }

    private ValueCodec() {
    }

    /** Writes {@code values} packed and returns true, or writes nothing and returns false. */
    public static boolean writePacked(MessageWriter out, Object[] values) {
        Class<?> type = values.length == 0 ? Integer.class : values[0] == null ? null : values[0].getClass();
        int tag = type == null ? PlainValues.SERIALIZED : PlainValues.tagOf(type);
        if (tag == PlainValues.SERIALIZED) {
            return false;
        }
        for (Object value : values) {
            if (value == null || value.getClass() != type) {
                return false;
            }
        }
        out.putByte(tag).putInt(values.length);
        PlainValues.writeAll(out, tag, values);
        return true;
    }

    public static void writeSerialized(MessageWriter out, byte[] serializedArray) {
        out.putByte(PlainValues.SERIALIZED).putBytes(serializedArray);
    }

    public static Object[] read(MessageReader in, Deserializer deserializer) throws IOException, ClassNotFoundException {
        int tag = in.getByte();
        if (tag == PlainValues.SERIALIZED) {
            return (Object[]) deserializer.deserialize(in.getBytes());
        }
        Object[] values = new Object[in.getInt()];
        PlainValues.readAll(in, tag, values);
        return values;
    }
}
