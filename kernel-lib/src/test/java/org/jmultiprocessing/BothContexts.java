package org.jmultiprocessing;

import java.util.stream.Stream;

/**
 * The contexts the behaviour suite runs against, as CPython runs one suite per start method: a test takes a
 * {@link Context} and is annotated {@code @ParameterizedTest(name = "{0}")} and
 * {@code @MethodSource("org.jmultiprocessing.BothContexts#both")}.
 */
public final class BothContexts {
    private BothContexts() {
    }

    public static Stream<Context> both() {
        return Stream.of(Multiprocessing.getContext(), Multiprocessing.getContext("thread"));
    }
}
