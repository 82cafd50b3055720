package org.jmultiprocessing;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The contexts the behaviour suite runs against, as CPython runs one suite per start method: a test takes a
 * {@link Context} and is annotated {@code @ParameterizedTest(name = "{0}")} and
 * {@code @MethodSource("org.jmultiprocessing.BothContexts#both")}.
 *
 * <p>Another module runs the suite on its own context by naming, in the system property
 * {@value #CONTEXTS_PROPERTY}, classes implementing {@code Supplier<Context>} (comma-separated): the suite then
 * runs on those contexts instead of the two local ones, which kernel-lib's own run covers.
 */
public final class BothContexts {
    /** The system property naming the {@code Supplier<Context>} classes of a module's run of the suite. */
    public static final String CONTEXTS_PROPERTY = "jmp.test.contexts";

    private BothContexts() {
    }

    public static Stream<Context> both() {
        String suppliers = System.getProperty(CONTEXTS_PROPERTY, "").trim();
        if (suppliers.isEmpty()) {
            return Stream.of(Multiprocessing.getContext(), Multiprocessing.getContext("thread"));
        }
        return Arrays.stream(suppliers.split(",")).map(String::trim).map(BothContexts::supplied);
    }

    @SuppressWarnings("unchecked")
    private static Context supplied(String className) {
        try {
            return ((Supplier<Context>) Class.forName(className).getDeclaredConstructor().newInstance()).get();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(CONTEXTS_PROPERTY + " names " + className
                    + ", which is not a public Supplier<Context> class with a no-argument constructor", e);
        }
    }
}
