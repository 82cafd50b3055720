package org.jmultiprocessing.cluster.internal.lock;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;

/**
 * The atomic steps on a {@link PermitState}: taking and giving back permits, with or without recording the
 * holder. Each returns a number, as its operation says.
 */
final class PermitStep extends SealedStep<Long> {
    private static final long serialVersionUID = 1L;

    /** Takes a permit if one is free, recording the holder (a Lock); 1 if taken, else 0. */
    static final int ACQUIRE_OWNED = 0;
    /** As ACQUIRE_OWNED, or one level deeper if the caller holds it already (an RLock). */
    static final int ACQUIRE_RECURSIVE = 1;
    /** Takes a permit if one is free, recording nobody (a semaphore, a counter); 1 if taken, else 0. */
    static final int ACQUIRE_ANONYMOUS = 2;
    /** Gives a permit back unless that would exceed the bound; forgets the holder; 1 if given, else 0. */
    static final int RELEASE = 3;
    /** Gives one level back if the caller holds it (an RLock); 1 if it did, else 0. */
    static final int RELEASE_RECURSIVE = 4;
    /** Frees a lock the caller holds at every level; its depth, or -1 if the caller does not hold it. */
    static final int RELEASE_FULLY = 5;
    /** Takes a free lock at depth {@code argument}; 1 if taken, else 0. */
    static final int REACQUIRE = 6;

    private final int op;
    private final String token;
    private final String threadName;
    private final int argument;

    PermitStep(int op, String token, String threadName, int argument) {
        this.op = op;
        this.token = token;
        this.threadName = threadName;
        this.argument = argument;
    }

    @Override
    protected Outcome<Long> apply(String name, byte[] bytes) {
        PermitState state = PermitState.of(bytes);
        PermitState next = switch (op) {
            case ACQUIRE_OWNED -> state.value() > 0 ? state.heldBy(state.value() - 1, token, threadName, 1) : null;
            case ACQUIRE_RECURSIVE -> token.equals(state.owner()) ? state.withDepth(state.depth() + 1)
                    : state.value() > 0 ? state.heldBy(state.value() - 1, token, threadName, 1) : null;
            case ACQUIRE_ANONYMOUS -> state.value() > 0 ? state.withValue(state.value() - 1) : null;
            case RELEASE -> state.value() < state.bound() ? state.heldBy(state.value() + 1, "", "", 0) : null;
            case RELEASE_RECURSIVE -> !token.equals(state.owner()) ? null
                    : state.depth() > 1 ? state.withDepth(state.depth() - 1) : state.heldBy(state.value() + 1, "", "", 0);
            case RELEASE_FULLY -> token.equals(state.owner()) ? state.heldBy(state.value() + 1, "", "", 0) : null;
            case REACQUIRE -> state.value() > 0 ? state.heldBy(state.value() - 1, token, threadName, argument) : null;
            default -> throw new IllegalArgumentException("no permit step " + op);
        };
        long result = op == RELEASE_FULLY ? (next == null ? -1 : state.depth()) : (next == null ? 0 : 1);
        return new Outcome<>(result, next == null ? null : next.toBytes());
    }
}
