package org.jmultiprocessing;

import java.io.Serializable;

/**
 * A function of one argument run by a {@link Pool} worker: {@code pool.map((Integer x) -> x * x, numbers)}.
 * Serializable so that a lambda written in a notebook cell travels to the worker JVM; it may throw any
 * exception, which the caller receives (see {@link Pool}).
 */
@FunctionalInterface
public interface Func<T, R> extends Serializable {
    R apply(T t) throws Exception;
}
