package org.jmultiprocessing;

import java.io.Serializable;

/** A function of two arguments, for {@link Pool#starmap} and {@link Pool#apply(Func2, Object, Object)}. */
@FunctionalInterface
public interface Func2<A, B, R> extends Serializable {
    R apply(A a, B b) throws Exception;
}
