package org.jmultiprocessing.cluster.internal.cells;

import java.nio.ByteBuffer;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;

/** Reads one element of a value's or an array's cells, as its raw bits, where the entry lives. */
final class CellRead extends SealedStep<Long> implements ReadOnly {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final int elementSize;

    CellRead(int index, int elementSize) {
        this.index = index;
        this.elementSize = elementSize;
    }

    @Override
    protected Outcome<Long> apply(String name, byte[] cells) {
        return new Outcome<>(Cells.bits(ByteBuffer.wrap(cells), index, elementSize), null);
    }

    @Override
    public EntryProcessor<String, byte[], Long> getBackupProcessor() {
        return null;
    }
}
