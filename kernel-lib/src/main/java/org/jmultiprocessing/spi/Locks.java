package org.jmultiprocessing.spi;

/** The locks, semaphores and conditions of a backend. */
public interface Locks {
}
