package org.jmultiprocessing.internal.thread;

/** Words the holder of a lock of the thread backend as the process backend does, for the same error messages. */
final class Holders {
    private Holders() {
    }

    /**
     * "held by thread 'worker'; the current thread is 'main'", "held by thread id 12, which has ended; ...", or
     * "not held by any thread".
     */
    static String describe(Thread holder) {
        if (holder == null) {
            return "not held by any thread";
        }
        String who = holder.isAlive() ? "thread '" + holder.getName() + "'" : "thread id " + holder.getId() + ", which has ended";
        return "held by " + who + "; the current thread is '" + Thread.currentThread().getName() + "'";
    }
}
