package org.jmultiprocessing.spi;

/** The queues and pipes of a backend. */
public interface Channels {
}
