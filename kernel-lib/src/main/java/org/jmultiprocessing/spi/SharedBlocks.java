package org.jmultiprocessing.spi;

/** Named blocks of memory shared between processes (Python's {@code multiprocessing.shared_memory}). */
public interface SharedBlocks {
}
