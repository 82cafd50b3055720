package org.jmultiprocessing.spi;

/** The shared values and arrays of primitives of a backend. */
public interface SharedCells {
}
