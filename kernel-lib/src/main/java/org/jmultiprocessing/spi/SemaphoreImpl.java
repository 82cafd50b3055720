package org.jmultiprocessing.spi;

/** The mechanism behind a {@code Semaphore} or {@code BoundedSemaphore}: a {@link SemLockImpl} of any count. */
public interface SemaphoreImpl extends SemLockImpl<SemaphoreImpl> {
}
