package org.jmultiprocessing.spi;

/** The events and barriers of a backend. */
public interface Signals {
}
