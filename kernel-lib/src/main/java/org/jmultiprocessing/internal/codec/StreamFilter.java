package org.jmultiprocessing.internal.codec;

import java.io.ObjectInputFilter;

/**
 * The filter of one object stream the library reads: kernel-lib's own limits, then the user's filter
 * ({@code Multiprocessing.setSerialFilter}), then the filter the JVM gave the stream (the JVM-wide
 * {@code jdk.serialFilter}, or what a {@code jdk.serialFilterFactory} chose). They combine as
 * {@link ObjectInputFilter#merge} does: rejected if any rejects, allowed if any allows. It remembers why it
 * rejected, since {@code ObjectInputStream} reports only "filter status: REJECTED".
 *
 * <p>Every object, class and array takes bytes of the message, whose length the receiver knows before it
 * reads; so references and stream bytes need no limit of their own, and an array may claim no more
 * elements than the message's remaining bytes can hold: a corrupt or forged length cannot make the receiver
 * allocate gigabytes. Reference arrays are bounded by the heap instead, because the JDK's collections check
 * their tables through the same call with lengths that no bytes back ({@code Collections.nCopies}).
 */
final class StreamFilter implements ObjectInputFilter {
    /**
     * Deeper than data structures other than linked chains get, and shallow enough that a default thread
     * stack reads a chain of plain objects this deep in every state of the JIT; a deeper graph is refused
     * rather than risking the receiving thread's stack. (Levels that take more stack can still overflow it,
     * which {@link Deserialization#read} reports as clearly.)
     */
    static final int MAX_DEPTH = 500;

    private final ObjectInputFilter jvmFilter;
    private final Deserialization.UserFilter userFilter;
    private final long length;
    private String rejection;

    /**
     * @param jvmFilter the filter the stream had when it was made, or null
     * @param userFilter the user's filter, or null
     * @param length the bytes of the serialized message
     */
    StreamFilter(ObjectInputFilter jvmFilter, Deserialization.UserFilter userFilter, long length) {
        this.jvmFilter = jvmFilter;
        this.userFilter = userFilter;
        this.length = length;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        String overLimit = exceededLimit(info);
        if (overLimit != null) {
            return reject(overLimit);
        }
        Status byUser = userFilter == null ? Status.UNDECIDED : userFilter.filter().checkInput(info);
        if (byUser == null || byUser == Status.REJECTED) {
            return reject(userFilter.refusal(info));
        }
        Status byJvm = jvmFilter == null ? Status.UNDECIDED : jvmFilter.checkInput(info);
        if (byJvm == null || byJvm == Status.REJECTED) {
            return reject(describe(info) + " is refused by the JVM-wide deserialization filter (" + jvmFilter
                    + "); allow it there: the jdk.serialFilter system or security property, a"
                    + " jdk.serialFilterFactory, or java.io.ObjectInputFilter.Config");
        }
        return byUser == Status.ALLOWED || byJvm == Status.ALLOWED ? Status.ALLOWED : Status.UNDECIDED;
    }

    /** Why this filter rejected the stream, or null if it did not. */
    String rejection() {
        return rejection;
    }

    private Status reject(String reason) {
        if (rejection == null) {
            rejection = reason;
        }
        return Status.REJECTED;
    }

    private String exceededLimit(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return "the object graph nests deeper than " + MAX_DEPTH + " levels, kernel-lib's limit, which keeps it"
                    + " from overflowing the receiving thread's stack; send a"
                    + " flatter structure, e.g. the nodes of a linked structure in a list or an array";
        }
        Class<?> type = info.serialClass();
        long elements = info.arrayLength();
        if (type == null || !type.isArray() || elements < 0) {
            return null;
        }
        Class<?> component = type.getComponentType();
        if (component.isPrimitive()) {
            long needed = elements * width(component);
            long left = length - info.streamBytes();
            if (needed > left) {
                return "an array of " + elements + " " + component + " values would take " + needed
                        + " bytes, more than the " + left + " bytes left in the message: it is corrupt or was"
                        + " not written by kernel-lib";
            }
        } else {
            long heap = Runtime.getRuntime().maxMemory();
            if (elements > heap / Integer.BYTES) {
                return "an array or collection of " + elements + " elements (" + type.getComponentType().getName()
                        + ") needs more memory than this JVM's heap of " + heap + " bytes: the message is corrupt,"
                        + " or the receiving JVM needs a larger -Xmx (Multiprocessing.setJvmOptions for children)";
            }
        }
        return null;
    }

    private static int width(Class<?> primitive) {
        if (primitive == long.class || primitive == double.class) {
            return 8;
        }
        if (primitive == int.class || primitive == float.class) {
            return 4;
        }
        if (primitive == char.class || primitive == short.class) {
            return 2;
        }
        return 1; // byte, boolean
    }

    /** What a filter was asked about, for an error message. */
    static String describe(FilterInfo info) {
        Class<?> type = info.serialClass();
        if (type == null) {
            return "the message (" + info.depth() + " levels deep, " + info.references() + " objects, "
                    + info.streamBytes() + " bytes read so far)";
        }
        if (type.isArray() && info.arrayLength() >= 0) {
            return "an array of " + info.arrayLength() + " " + type.getComponentType().getName()
                    + " (class " + type.getName() + ")";
        }
        return "class " + type.getName();
    }
}
