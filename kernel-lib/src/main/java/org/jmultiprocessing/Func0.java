package org.jmultiprocessing;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A task without arguments that returns a value, for {@link Pool#apply(Func0)} and {@link Pool#submit}:
 * {@code pool.apply(() -> slowSquare(7))}. Serializable so that a lambda written in a notebook cell travels
 * to the worker JVM; it may throw any exception.
 */
@FunctionalInterface
public interface Func0<R> extends Callable<R>, Serializable {
}
