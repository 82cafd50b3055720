package org.jmultiprocessing;

import java.io.Serializable;

/** A function of three arguments, for {@link Pool#starmap} and {@link Pool#apply(Func3, Object, Object, Object)}. */
@FunctionalInterface
public interface Func3<A, B, C, R> extends Serializable {
    R apply(A a, B b, C c) throws Exception;
}
