package org.jmultiprocessing.spi;

/**
 * The mechanism behind a {@code Condition}: its waiters and signals. The lock is the caller's, passed to
 * {@link #await}, so a condition works with a lock of any backend (and travels with it, when it can).
 */
public interface ConditionImpl {
    /**
     * Python's {@code wait()}: releases {@code lock} fully (the caller has checked that it holds it), waits
     * until signalled or {@code deadline}, and acquires {@code lock} again either way; true if signalled.
     */
    boolean await(LockImpl lock, long deadline);

    /** Wakes up to {@code n} of the threads waiting now (the caller holds the lock). */
    void signal(int n);

    /** The waiters not yet signalled. */
    int waiting();

    /** As {@link SemLockImpl#transit}. */
    Object transit(Rebuild<ConditionImpl> rebuild);
}
