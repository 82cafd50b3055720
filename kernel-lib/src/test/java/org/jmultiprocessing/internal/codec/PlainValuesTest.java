package org.jmultiprocessing.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The one tag table, as each of its three framings uses it: a message, a shipment's value, a pool chunk. */
class PlainValuesTest {
    /** Two values of every plain class, the extremes where a class has them. */
    static Stream<List<Object>> plainPairs() {
        return Stream.of(
                List.of(Integer.MIN_VALUE, 7),
                List.of(Long.MAX_VALUE, -1L),
                List.of(-0.0, Double.NaN),
                List.of(Float.MIN_VALUE, 1.5f),
                List.of(true, false),
                List.of((short) -2, Short.MAX_VALUE),
                List.of((byte) -128, (byte) 5),
                List.of('λ', '\uffff'),
                List.of("héllo", ""),
                List.of(new byte[] {1, 2, 3}, new byte[0]),
                List.of(new double[] {-0.0, Double.NaN, Double.MAX_VALUE}, new double[0]),
                List.of(new int[] {Integer.MIN_VALUE, 1}, new int[0]),
                List.of(new long[] {Long.MAX_VALUE, -1L}, new long[0]));
    }

    private static void assertSameValue(Object expected, Object actual) {
        assertEquals(expected.getClass(), actual.getClass());
        if (expected instanceof byte[] bytes) {
            assertArrayEquals(bytes, (byte[]) actual);
        } else if (expected instanceof double[] doubles) {
            assertArrayEquals(doubles, (double[]) actual);
        } else if (expected instanceof int[] ints) {
            assertArrayEquals(ints, (int[]) actual);
        } else if (expected instanceof long[] longs) {
            assertArrayEquals(longs, (long[]) actual);
        } else {
            assertEquals(expected, actual);
        }
    }

    @ParameterizedTest
    @MethodSource("plainPairs")
    void shouldSendEveryPlainValueAsAMessageWithoutSerialization(List<Object> pair) {
        for (Object value : pair) {
            MessageCodec.Encoded encoded = MessageCodec.encode(value);
            assertNotEquals(MessageCodec.SERIALIZED, encoded.tag(), "a " + value.getClass().getName() + " is plain");
            assertEquals(PlainValues.tagOf(value), encoded.tag(), "one tag table");
            assertSameValue(value, MessageCodec.decode(encoded.tag(), encoded.bytes()));
        }
    }

    @ParameterizedTest
    @MethodSource("plainPairs")
    void shouldShipEveryPlainValueTaggedInAStream(List<Object> pair) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Object value : pair) {
                PlainValues.write(out, value);
            }
            PlainValues.write(out, null);
        }
        assertEquals(PlainValues.tagOf(pair.get(0)), bytes.toByteArray()[0], "one tag table");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        for (Object value : pair) {
            assertSameValue(value, PlainValues.read(in));
        }
        assertEquals(null, PlainValues.read(in));
        assertEquals(-1, in.read(), "nothing left over");
    }

    @ParameterizedTest
    @MethodSource("plainPairs")
    void shouldPackAChunkOfEveryPlainClass(List<Object> pair) throws Exception {
        MessageWriter out = new MessageWriter(16);
        assertTrue(ValueCodec.writePacked(out, pair.toArray()), "a chunk of " + pair.get(0).getClass().getName() + " packs");
        byte[] body = out.body();
        assertEquals(PlainValues.tagOf(pair.get(0)), body[0], "one tag table");
        ByteBuffer buffer = ByteBuffer.wrap(body);
        Object[] back = ValueCodec.read(new MessageReader(buffer), bytes -> {
            throw new AssertionError("a packed chunk is not deserialized");
        });
        assertEquals(pair.size(), back.length);
        for (int i = 0; i < back.length; i++) {
            assertSameValue(pair.get(i), back[i]);
        }
        assertFalse(buffer.hasRemaining(), "nothing left over");
    }

    @Test
    void shouldSerializeAChunkOfMixedClassesOrWithANull() throws Exception {
        MessageWriter out = new MessageWriter(16);
        assertFalse(ValueCodec.writePacked(out, new Object[] {1, 2L}));
        assertFalse(ValueCodec.writePacked(out, new Object[] {"a", null}));
        assertFalse(ValueCodec.writePacked(out, new Object[] {null}));
        assertFalse(ValueCodec.writePacked(out, new Object[] {List.of(1)}));
        assertEquals(0, out.body().length, "nothing written for a chunk that does not pack");

        Object[] mixed = {1, null, "x"};
        ValueCodec.writeSerialized(out, MessageCodec.serialize(mixed));
        assertArrayEquals(mixed, ValueCodec.read(new MessageReader(ByteBuffer.wrap(out.body())), MessageCodec::deserialize));
    }

    @Test
    void shouldSendEverythingElseSerialized() {
        MessageCodec.Encoded encoded = MessageCodec.encode(List.of(1, 2));
        assertEquals(MessageCodec.SERIALIZED, encoded.tag());
        assertEquals(List.of(1, 2), MessageCodec.decode(encoded.tag(), encoded.bytes()));
        assertEquals(PlainValues.SERIALIZED, PlainValues.tagOf(new float[0]),
                "only byte[], double[], int[] and long[] among arrays are plain");
        assertEquals(PlainValues.SERIALIZED, PlainValues.tagOf(new Integer[0]));
        assertThrows(IllegalArgumentException.class, () -> PlainValues.write(new DataOutputStream(new ByteArrayOutputStream()),
                List.of()), "a shipment writes only plain values");
    }

    @Test
    void shouldPassAByteArrayMessageWithoutCopyingUntilDetached() {
        byte[] array = {4, 5};
        MessageCodec.Encoded encoded = MessageCodec.encode(array);
        assertSame(array, encoded.bytes());
        assertArrayEquals(array, encoded.detached().bytes());
        assertFalse(array == encoded.detached().bytes(), "a detached message owns its bytes");
    }

    @Test
    void shouldRefuseAnUnknownTagInEachFraming() {
        IllegalStateException message = assertThrows(IllegalStateException.class, () -> MessageCodec.decode(99, new byte[4]));
        assertTrue(message.getMessage().contains("unknown value tag 99"), message.getMessage());
        IOException shipment = assertThrows(IOException.class,
                () -> PlainValues.read(new DataInputStream(new ByteArrayInputStream(new byte[] {99}))));
        assertTrue(shipment.getMessage().contains("unknown value tag 99"), shipment.getMessage());
        IOException chunk = assertThrows(IOException.class,
                () -> ValueCodec.read(new MessageReader(ByteBuffer.wrap(new byte[] {99, 0, 0, 0, 1})), bytes -> null));
        assertTrue(chunk.getMessage().contains("unknown value tag 99"), chunk.getMessage());
    }
}
