package org.jmultiprocessing.cluster;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chooses what of kernel-lib's behaviour suite this module runs on the cluster context: the tests that take
 * their context from {@code BothContexts#both}, except the few listed here with why. Registered through JUnit's
 * extension auto-detection, it leaves this module's own tests alone, and has the suite's classes share the
 * {@link SharedCluster} (closed when the run ends).
 */
public final class ClusterSuiteScope implements ExecutionCondition, BeforeAllCallback {
    private static final String SUITE_PACKAGE = "org.jmultiprocessing";

    private static final String SIZED_FOR_MEMORY = "sized for shared memory: its hundreds of thousands of operations"
            + " are each a network round trip on the cluster (minutes); ";

    /** Suite tests not run on the cluster context, by "Class#method", with the reason. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "QueueTest#shouldDeliverItemsInOrderBetweenThreads",
            SIZED_FOR_MEMORY + "ClusterQueueTest checks the order at cluster size",
            "ValueTest#shouldAddAtomicallyToARawValueWithoutALock",
            SIZED_FOR_MEMORY + "ClusterValueTest checks that no increment is lost at cluster size",
            "ValueTest#shouldLoseNoIncrementOfALockedValueAddedToByFourThreads",
            SIZED_FOR_MEMORY + "ClusterValueTest checks locked increments at cluster size");

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getRequiredTestClass().getPackageName().equals(SUITE_PACKAGE)) {
            new SharedCluster().beforeAll(context);
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty() || !method.get().getDeclaringClass().getPackageName().equals(SUITE_PACKAGE)) {
            return ConditionEvaluationResult.enabled("not a test of kernel-lib's suite");
        }
        MethodSource source = method.get().getAnnotation(MethodSource.class);
        if (source == null || Arrays.stream(source.value()).noneMatch(s -> s.endsWith("BothContexts#both"))) {
            return ConditionEvaluationResult.disabled("tests the local contexts only: kernel-lib's own run covers it");
        }
        String reason = NOT_RUN.get(method.get().getDeclaringClass().getSimpleName() + "#" + method.get().getName());
        return reason == null ? ConditionEvaluationResult.enabled("part of the suite the cluster offers")
                : ConditionEvaluationResult.disabled("not run on the cluster context: " + reason);
    }
}
