package org.jmultiprocessing.spi;

/**
 * What the mechanisms behind every {@code Value} and {@code Array} have: a length and an optional recursive
 * lock. Each element access is atomic.
 *
 * @param <S> the interface of this kind, which the receiving process's copy has (see {@link #transit})
 */
public interface CellsImpl<S extends CellsImpl<S>> {
    /** The number of elements (1 for a value). */
    int length();

    /** The recursive lock guarding the cells, or {@code null} for raw ones. */
    LockImpl lock();

    /** As {@link SemLockImpl#transit}. */
    Object transit(Rebuild<S> rebuild);
}
