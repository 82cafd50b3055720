package org.jmultiprocessing.cluster.internal.signal;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;

/**
 * The atomic steps on a {@link BarrierState}. Each returns {@code {result, generation}}: the generation the
 * step saw, and a result as its operation says. Operations are numbers, not an enum: a member's serialization
 * filter admits kernel-cluster's classes only.
 */
final class BarrierStep extends SealedStep<long[]> {
    private static final long serialVersionUID = 1L;

    /** Arrives: the party's index, or -1 if the barrier is broken (nothing changes then). */
    static final int ARRIVE = 0;
    /** The last party's action is done: the generation {@code argument} ends, released; 1. */
    static final int RELEASE = 1;
    /** Breaks the barrier (an abort, a failed action); 1. */
    static final int BREAK = 2;
    /**
     * A waiter of generation {@code argument} timed out: breaks the barrier and returns 1 if that generation
     * still waits for parties; else 0 (it ended, broke, or its last party is running the action).
     */
    static final int TIME_OUT = 3;
    /** Ends the current generation if parties wait or the barrier is broken; 1 if it did. */
    static final int RESET = 4;

    private final int op;
    private final long argument;

    BarrierStep(int op, long argument) {
        this.op = op;
        this.argument = argument;
    }

    @Override
    protected Outcome<long[]> apply(String name, byte[] bytes) {
        BarrierState s = BarrierState.of(bytes);
        BarrierState next;
        long result;
        switch (op) {
            case ARRIVE -> {
                if (s.broken()) {
                    return new Outcome<>(new long[] {-1, s.generation()}, null);
                }
                result = s.arrived();
                next = new BarrierState(s.parties(), s.generation(), s.arrived() + 1, false, s.resetGeneration());
            }
            case RELEASE -> {
                result = 1;
                next = s.generation() != argument ? null
                        : new BarrierState(s.parties(), s.generation() + 1, 0, s.broken(), s.resetGeneration());
            }
            case BREAK -> {
                result = 1;
                next = new BarrierState(s.parties(), s.generation(), s.arrived(), true, s.resetGeneration());
            }
            case TIME_OUT -> {
                boolean waiting = s.generation() == argument && !s.broken() && s.arrived() < s.parties();
                result = waiting ? 1 : 0;
                next = waiting ? new BarrierState(s.parties(), s.generation(), s.arrived(), true, s.resetGeneration()) : null;
            }
            case RESET -> {
                boolean ends = s.arrived() > 0 || s.broken();
                result = ends ? 1 : 0;
                next = ends ? new BarrierState(s.parties(), s.generation() + 1, 0, false, s.generation()) : null;
            }
            default -> throw new IllegalArgumentException("no barrier step " + op);
        }
        return new Outcome<>(new long[] {result, s.generation()}, next == null ? null : next.toBytes());
    }
}
