package org.jmultiprocessing.spi;

/** Runs pools of workers for a backend. */
public interface Pools {
}
