package org.jmultiprocessing.internal.thread;

import org.jmultiprocessing.NotTransferableException;

/** The error of sending an object of the thread backend to another process: it lives in this JVM only. */
final class LocalOnly {
    private LocalOnly() {
    }

    /** For a {@code writeReplace}: {@code what} is the public class, e.g. "Lock". */
    static NotTransferableException notTransferable(String what) {
        return new NotTransferableException("a " + what + " of the thread context is an object of this JVM and cannot be"
                + " sent to another process; make it with Multiprocessing.getContext(), the default context (which"
                + " new Lock(), Value.ofInt(0) and the like use), to share it with child processes", null);
    }
}
