package org.jmultiprocessing.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Pickler;
import net.razorvine.pickle.Unpickler;

import org.jmultiprocessing.spi.MessageFormat;

/**
 * Python's pickle as the format of a socket connection, so that {@code send} and {@code recv} talk to a
 * CPython peer's {@code multiprocessing.connection} ({@code Client}, {@code Listener}, and what they
 * {@code accept}):
 *
 * <pre>{@code
 * // Python: conn = Client(("localhost", 6000), authkey=key); conn.send([1, "two", (3.0, None)]); reply = conn.recv()
 * try (var conn = Client.connect("localhost:6000", key, Pickle.FORMAT)) {
 *     conn.send(List.of(1, "two", new Object[] {3.0, null}));
 *     Object reply = conn.recv();
 * }
 * }</pre>
 *
 * <p>Plain values travel, as Python names them: {@code null} is {@code None}; {@code Boolean} is
 * {@code bool}; {@code Integer}, {@code Long}, {@code Short}, {@code Byte} and {@code BigInteger} are
 * {@code int}; {@code Double} and {@code Float} are {@code float}; {@code String} is {@code str};
 * {@code byte[]} is {@code bytes}; a {@code List} is a {@code list}, an {@code Object[]} a {@code tuple}, a
 * {@code Set} a {@code set} and a {@code Map} a {@code dict}, of plain values. Anything else is refused by
 * {@code send} with an {@link IllegalArgumentException} naming it. What Python sends arrives as: {@code None}
 * null, {@code bool} Boolean, {@code int} Integer, Long or BigInteger (the smallest that holds it),
 * {@code float} Double, {@code str} String, {@code bytes} and {@code bytearray} byte[], {@code list}
 * ArrayList, {@code tuple} Object[], {@code set} HashSet, {@code dict} HashMap. Decoding builds values only
 * (the pickle library runs no Python code and loads no Java class a pickle names), and runs after the
 * connection's authentication.
 */
public final class Pickle implements MessageFormat {
    /** The format; it keeps no state, so one serves every connection. */
    public static final Pickle FORMAT = new Pickle();

    private Pickle() {
    }

    @Override
    public byte[] encode(Object message) {
        checkPlain(message, "the message");
        try {
            return new PlainPickler().dumps(message);
        } catch (IOException | PickleException e) {
            throw new IllegalArgumentException("cannot pickle the message: " + e.getMessage(), e);
        }
    }

    @Override
    public Object decode(byte[] message) {
        try {
            return new Unpickler().loads(message);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("received " + message.length + " bytes that are no pickle"
                    + " this side reads (" + e + "): was the message sent with send_bytes? receive it with recvBytes()", e));
        }
    }

    /** Refuses, naming it, the first value of {@code value} that has no Python counterpart. */
    private static void checkPlain(Object value, String where) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger || value instanceof Double
                || value instanceof Float || value instanceof String || value instanceof byte[]) {
            return;
        }
        if (value instanceof Object[] tuple) {
            for (int i = 0; i < tuple.length; i++) {
                checkPlain(tuple[i], where + " -> tuple item " + i);
            }
        } else if (value instanceof List<?> || value instanceof Set<?>) {
            int i = 0;
            for (Object item : (Collection<?>) value) {
                checkPlain(item, where + " -> " + (value instanceof List<?> ? "list item " : "set item ") + i++);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                checkPlain(entry.getKey(), where + " -> dict key " + entry.getKey());
                checkPlain(entry.getValue(), where + " -> dict value of " + entry.getKey());
            }
        } else {
            throw new IllegalArgumentException("cannot send a " + value.getClass().getName() + " to Python (" + where
                    + "): it has no Python counterpart here; send null, Boolean, Integer, Long, BigInteger, Double, String,"
                    + " byte[], and Lists, Object[] (tuples), Sets and Maps of them");
        }
    }

    /** The library's pickler, writing {@code byte[]} as Python's {@code bytes} where it writes a {@code bytearray}. */
    private static final class PlainPickler extends Pickler {
        /** Pickle's BINBYTES opcode (protocol 3): a 4-byte little-endian length, then the bytes. */
        private static final int BINBYTES = 'B';

        PlainPickler() {
            super(false);
        }

        @Override
        public void save(Object value) throws PickleException, IOException {
            if (value instanceof byte[] bytes) {
                out.write(BINBYTES);
                out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
                out.write(bytes);
            } else {
                super.save(value);
            }
        }
    }
}
