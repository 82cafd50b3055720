package org.jmultiprocessing.spi;

/** The locks, semaphores and conditions of a backend; arguments are checked by the public classes. */
public interface Locks {
    /** A free non-recursive lock (Python's {@code Lock}), kind name {@code "lock"}. */
    LockImpl lock();

    /** A free recursive lock (Python's {@code RLock}), kind name {@code "rlock"}. */
    LockImpl rlock();

    /** A semaphore of {@code value >= 0} permits that may be released without bound, kind name {@code "semaphore"}. */
    SemaphoreImpl semaphore(int value);

    /** A semaphore of {@code value >= 0} permits, never released above them, kind name {@code "bounded-semaphore"}. */
    SemaphoreImpl boundedSemaphore(int value);

    /** The waiters and signals of a new condition. */
    ConditionImpl condition();
}
