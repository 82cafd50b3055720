package org.jmultiprocessing.spi;

/** Starts, watches and stops the processes of a backend. */
public interface Processes {
}
