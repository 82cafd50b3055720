package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.internal.runtime.Internals;

/**
 * The holder of a lock as the owner word of {@link SemaphoreDescriptor} records it: the process id of the
 * holding thread in the high 32 bits, the low 32 bits of its thread id in the low ones; 0 when nobody holds it.
 */
final class LockHolder {
    private LockHolder() {
    }

    /** The owner word for {@code thread} of this process. */
    public static long of(Thread thread) {
        return Internals.pid() << 32 | (thread.getId() & 0xFFFF_FFFFL);
    }

    /**
     * Why the current thread does not hold a lock whose owner word is {@code holder}, for an error message
     * that goes on from "a lock ...": "held by thread 'worker'; the current thread is 'main'", or "not held by
     * any thread". A thread of another process is named by its id and that process's pid.
     */
    public static String describe(long holder) {
        if (holder == 0) {
            return "not held by any thread";
        }
        return "held by " + thread(holder) + "; the current thread is '" + Thread.currentThread().getName() + "'";
    }

    private static String thread(long holder) {
        long pid = holder >>> 32;
        long threadId = holder & 0xFFFF_FFFFL;
        if (pid != Internals.pid()) {
            String exited = ProcessHandle.of(pid).isPresent() ? "" : ", which has exited";
            return "thread id " + threadId + " of process " + pid + exited;
        }
        // Only a failed release or wait gets here, so the cost of listing every thread does not matter. The list
        // leaves out virtual threads: one holding the lock is reported as ended.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if ((thread.getId() & 0xFFFF_FFFFL) == threadId) {
                return "thread '" + thread.getName() + "'";
            }
        }
        return "thread id " + threadId + ", which has ended";
    }
}
