package org.jmultiprocessing.cluster.internal.task;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.jmultiprocessing.internal.codec.MessageReader;
import org.jmultiprocessing.internal.codec.MessageWriter;
import org.jmultiprocessing.internal.codec.ValueCodec;

/**
 * A chunk's items or results as kernel-lib's pool sends them: packed when they are plain values of one class
 * (Integers, Strings, ...), a serialized {@code Object[]} otherwise. Serializing each boxed number would cost
 * many times more.
 */
public final class ChunkValues {
    private ChunkValues() {
    }

    /** {@code values} packed, or {@code null} when they are not plain values of one class. */
    public static byte[] packedOrNull(Object[] values) {
        MessageWriter out = new MessageWriter(64 + values.length * 8);
        return ValueCodec.writePacked(out, values) ? out.body() : null;
    }

    /** {@code values} packed, or as {@code serialized} (the serialized {@code Object[]}) when they cannot be. */
    static byte[] encode(Object[] values, SerializedForm serialized) throws IOException {
        MessageWriter out = new MessageWriter(64 + values.length * 8);
        if (!ValueCodec.writePacked(out, values)) {
            ValueCodec.writeSerialized(out, serialized.bytes());
        }
        return out.body();
    }

    /** Reads {@link #packedOrNull} or {@link #encode}; a serialized array is read with {@code deserializer}. */
    public static Object[] decode(byte[] bytes, ValueCodec.Deserializer deserializer) throws IOException, ClassNotFoundException {
        return ValueCodec.read(new MessageReader(ByteBuffer.wrap(bytes)), deserializer);
    }

    /** Makes the serialized form only when it is needed. */
    interface SerializedForm {
        byte[] bytes() throws IOException;
    }
}
