package org.jmultiprocessing.spi;

import java.io.Serializable;

/**
 * How the receiving process wraps its copy of a shared object's implementation into the public object: a
 * {@code Queue} hands {@code impl -> new Queue<>(impl)} to its implementation's {@code transit}, which
 * serializes it with the handle. It travels, so it captures only values, never the sending object.
 *
 * @param <I> the implementation interface, e.g. a backend's queue
 */
@FunctionalInterface
public interface Rebuild<I> extends Serializable {
    Object around(I received);
}
