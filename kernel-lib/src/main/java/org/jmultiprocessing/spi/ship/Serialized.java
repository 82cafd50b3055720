package org.jmultiprocessing.spi.ship;

import java.io.IOException;
import java.util.Map;

import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.internal.ship.TransferPath;

/** Java serialization as kernel-lib does it for what it receives: through the user's serial filter. */
public final class Serialized {
    private Serialized() {
    }

    /**
     * One object from {@code length} bytes at {@code offset}, its classes resolved through {@code loader}
     * first (null: the default resolution), under the filter set with {@code Multiprocessing.setSerialFilter}.
     */
    public static Object read(byte[] bytes, int offset, int length, ClassLoader loader) throws IOException, ClassNotFoundException {
        return Deserialization.read(bytes, offset, length, loader);
    }

    /**
     * Where the first value that cannot be serialized sits among {@code labelledRoots}, e.g.
     * {@code the result -> element 3 -> field 'lock' (java.lang.Thread) is not Serializable}; {@code null} if none.
     */
    public static String whereNotSerializable(Map<String, Object> labelledRoots) {
        return TransferPath.find(labelledRoots);
    }
}
