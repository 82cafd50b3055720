package org.jmultiprocessing.internal.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;

/**
 * Where the library reads every serialized object: a child's task, Queue and Pipe messages, a pool's
 * functions, arguments, results and exceptions. Each stream resolves classes through one loader and is
 * filtered by a {@link StreamFilter}; a rejection becomes an {@link InvalidClassException} that says what
 * was refused and how to allow it.
 *
 * <p>The user's filter travels to each child in its prepare frame (the launcher reads
 * {@link #userFilterPattern} and the child sets it again), so a child and its own children filter as the
 * process that started them did.
 */
public final class Deserialization {
    /** The user's pattern and the filter made from it. */
    record UserFilter(String pattern, ObjectInputFilter filter) {
        String refusal(ObjectInputFilter.FilterInfo info) {
            return StreamFilter.describe(info) + " is refused by the filter set with Multiprocessing.setSerialFilter(\""
                    + pattern + "\"); to receive it, change that pattern";
        }
    }

    private static volatile UserFilter userFilter;

    private Deserialization() {
    }

    /**
     * Sets the user's filter: a pattern of {@link ObjectInputFilter.Config#createFilter}; null or blank
     * removes it.
     */
    public static void setUserFilter(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            userFilter = null;
            return;
        }
        ObjectInputFilter filter;
        try {
            filter = ObjectInputFilter.Config.createFilter(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a serial filter pattern: \"" + pattern + "\" (" + e.getMessage()
                    + "); write patterns as java.io.ObjectInputFilter.Config.createFilter reads them, e.g."
                    + " \"!com.example.Secret\" or \"maxbytes=1000000;com.example.*;org.jmultiprocessing.**;java.base/*;!*\"", e);
        }
        userFilter = new UserFilter(pattern, filter);
    }

    /** The user's pattern, or "" when none is set: what a child receives in its prepare frame. */
    public static String userFilterPattern() {
        UserFilter current = userFilter;
        return current == null ? "" : current.pattern();
    }

    /**
     * Reads one object from {@code length} bytes at {@code offset}, resolving its classes through
     * {@code loader} first (null: the default resolution).
     */
    public static Object read(byte[] bytes, int offset, int length, ClassLoader loader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes, offset, length), loader)) {
            // The stream starts with the filter the JVM chose. Ours goes through the filter factory: the JDK's
            // replaces the JVM's filter with ours (which consults it); a factory the user installed decides.
            StreamFilter filter = new StreamFilter(in.getObjectInputFilter(), userFilter, length);
            in.setObjectInputFilter(filter);
            try {
                return in.readObject();
            } catch (IOException e) {
                throw explained(filter, e);
            } catch (StackOverflowError e) {
                // Reading recurses once per level of the graph; the stack unwound, nothing of the stream is kept.
                throw new InvalidObjectException("the object graph nests too deep for the stack of thread '"
                        + Thread.currentThread().getName() + "' (within kernel-lib's limit of " + StreamFilter.MAX_DEPTH
                        + " levels, but its levels take much stack); send a flatter structure, e.g. the nodes of a"
                        + " linked structure in a list or an array");
            }
        }
    }

    /**
     * Applies the user's filter to a value that arrived without serialization (a boxed primitive, a string,
     * a byte array: a message's compact forms), so that it decides about every value a process receives.
     *
     * @throws InvalidClassException if the user's filter rejects it
     */
    static Object admitUnserialized(Object value, int bytes) throws InvalidClassException {
        UserFilter current = userFilter;
        if (current == null) {
            return value;
        }
        ObjectInputFilter.FilterInfo info = new UnserializedValue(value == null ? null : value.getClass(),
                value != null && value.getClass().isArray() ? java.lang.reflect.Array.getLength(value) : -1, bytes);
        ObjectInputFilter.Status status = current.filter().checkInput(info);
        if (status == null || status == ObjectInputFilter.Status.REJECTED) {
            throw new InvalidClassException(current.refusal(info));
        }
        return value;
    }

    private static IOException explained(StreamFilter filter, IOException e) {
        String rejection = filter.rejection();
        if (rejection == null && e instanceof InvalidClassException && String.valueOf(e.getMessage()).startsWith("filter status")) {
            rejection = "refused by the deserialization filter that jdk.serialFilterFactory ("
                    + ObjectInputFilter.Config.getSerialFilterFactory() + ") made for this stream (" + e.getMessage() + ")";
        }
        if (rejection == null) {
            return e;
        }
        InvalidClassException refused = new InvalidClassException(rejection);
        refused.initCause(e);
        return refused;
    }

    /** A value of a message's compact form, as a filter sees one object at the top of a stream. */
    private record UnserializedValue(Class<?> serialClass, long arrayLength, long streamBytes) implements ObjectInputFilter.FilterInfo {
        @Override
        public long depth() {
            return 1;
        }

        @Override
        public long references() {
            return 1;
        }
    }

    /** Resolves classes through one loader, whatever is on the calling stack. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // The default resolution: primitive types, the caller's loader.
                }
            }
            return super.resolveClass(desc);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
            if (loader == null) {
                return super.resolveProxyClass(interfaces);
            }
            Class<?>[] types = new Class<?>[interfaces.length];
            for (int i = 0; i < interfaces.length; i++) {
                types[i] = Class.forName(interfaces[i], false, loader);
            }
            @SuppressWarnings("deprecation")
            Class<?> proxy = Proxy.getProxyClass(loader, types);
            return proxy;
        }
    }
}
