package org.jmultiprocessing.cluster.internal.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.cluster.internal.ClusterKey;

/**
 * Objects as the sealed blobs this backend stores (queue items, dict keys and values). Java serialization,
 * classes resolved through the thread's context class loader, as kernel-lib's own queues do between
 * processes: in the notebook that loader has the cell classes, on a member it is the session's loader
 * (which has the classes shipped with the session's tasks). The MAC is checked before a byte is read.
 */
public final class SealedCodec {
    private SealedCodec() {
    }

    /** {@code value} serialized and sealed; {@code where} names the destination for the error ("a cluster queue"). */
    public static byte[] seal(ClusterKey key, Object value, String where) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException | RuntimeException e) {
            throw new NotTransferableException("cannot send to " + where + ": " + describe(value) + " cannot be serialized ("
                    + e + "). Make the class Serializable, mark the field transient, or send the data it holds instead.", e);
        }
        return key.seal(bytes.toByteArray());
    }

    /**
     * The object in a blob made by {@link #seal}.
     *
     * @throws SecurityException if the blob was not sealed with {@code key}: nothing of it is deserialized
     */
    public static Object open(ClusterKey key, byte[] sealed) {
        byte[] payload = key.open(sealed);
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(payload))) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot read an item from the cluster: its class " + e.getMessage()
                    + " is not known here; a notebook class reaches a member with the tasks that use it,"
                    + " so send it to a task of this session first (as an argument) or send plain data", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an item from the cluster: " + e.getMessage(), e);
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }

    /** Resolves through the context class loader, then through the one that has kernel-lib and this module. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(ByteArrayInputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(desc.getName(), false, context);
                } catch (ClassNotFoundException e) {
                    // Not the session's: a JDK or library class, found below.
                }
            }
            try {
                return Class.forName(desc.getName(), false, SealedCodec.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
