package org.jmultiprocessing.cluster.internal.cells;

import java.nio.ByteBuffer;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;

/** Writes one element of a value's or an array's cells, or adds to it; returns the element's new bits. */
final class CellWrite extends SealedStep<Long> {
    private static final long serialVersionUID = 1L;

    // Numbers, not an enum: a member's serialization filter admits kernel-cluster's classes only.
    static final int SET = 0;
    static final int ADD_INT = 1;
    static final int ADD_LONG = 2;
    static final int ADD_DOUBLE = 3;

    private final int op;
    private final int index;
    private final int elementSize;
    private final long bits;

    CellWrite(int op, int index, int elementSize, long bits) {
        this.op = op;
        this.index = index;
        this.elementSize = elementSize;
        this.bits = bits;
    }

    @Override
    protected Outcome<Long> apply(String name, byte[] cells) {
        ByteBuffer buffer = ByteBuffer.wrap(cells);
        long old = Cells.bits(buffer, index, elementSize);
        long next = switch (op) {
            case SET -> bits;
            case ADD_INT -> (int) old + (int) bits;
            case ADD_LONG -> old + bits;
            case ADD_DOUBLE -> Double.doubleToRawLongBits(Double.longBitsToDouble(old) + Double.longBitsToDouble(bits));
            default -> throw new IllegalArgumentException("no cell step " + op);
        };
        Cells.putBits(buffer, index, elementSize, next);
        return new Outcome<>(next, cells);
    }
}
