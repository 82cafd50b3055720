package org.jmultiprocessing.cluster.internal.shared;

import java.util.UUID;

/**
 * The names of a session's objects in the cluster: {@code "jmp." + session + "." + kind + "." + n}, and the
 * session's map of small states ({@link #syncMap}). Everything a session made shares the prefix
 * {@code "jmp." + session + "."}, so the members free it all when the session ends.
 */
public final class ObjectNames {
    private ObjectNames() {
    }

    /** The prefix of every object of {@code session}. */
    public static String prefix(String session) {
        return "jmp." + session + ".";
    }

    /** A new name for an object of {@code kind} ("queue", "lock", "dict", ...) in {@code session}. */
    public static String next(String session, String kind) {
        return prefix(session) + kind + "." + UUID.randomUUID();
    }

    /**
     * The IMap holding the session's locks, semaphores, conditions, events, values and arrays, one entry
     * each, keyed by the object's name: one map (and one entry listener per JVM) for them all.
     */
    public static String syncMap(String session) {
        return prefix(session) + "sync";
    }
}
