package org.jmultiprocessing.internal.shm;

/**
 * Layout of a semaphore in shared memory, the one primitive behind {@code Lock}, {@code RLock},
 * {@code Semaphore} and {@code BoundedSemaphore} (as in CPython, where all four are a {@code SemLock}).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Value: permits available                     |  0
 *  +---------------------------------------------------------------+
 *  |                  Padding                                      |  4
 *  +---------------------------------------------------------------+
 *  |                  Owner: process id &lt;&lt; 32 | thread id       |  8
 *  |                  (recursive locks only; 0 when free)          |
 *  +---------------------------------------------------------------+
 *  |                  Depth: recursion count of the owner          | 16
 *  +---------------------------------------------------------------+
 *  |                  Maximum value (bounded kinds), else MAX_INT  | 20
 *  +---------------------------------------------------------------+
 *  |                  Padding to one cache line ...                | 24
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Acquiring decrements the value with a compare-and-set when it is positive; releasing increments it.
 */
final class SemaphoreDescriptor {
    public static final int VALUE_OFFSET = 0;
    public static final int OWNER_OFFSET = 8;
    public static final int DEPTH_OFFSET = 16;
    public static final int MAX_VALUE_OFFSET = 20;
    public static final int LENGTH = RegionDescriptor.CACHE_LINE;

    private SemaphoreDescriptor() {
    }

    public static void initialize(SharedRegion region, int base, int value, int maxValue) {
        region.putLongVolatile(base + OWNER_OFFSET, 0);
        region.putIntVolatile(base + DEPTH_OFFSET, 0);
        region.putIntVolatile(base + MAX_VALUE_OFFSET, maxValue);
        region.putIntVolatile(base + VALUE_OFFSET, value);
    }
}
