package org.jmultiprocessing.cluster.internal.signal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A barrier's state as its sealed entry holds it, with the generations of the local backends' barriers:
 * waiters of a generation leave when it ends (released, unless a reset ended it) or the barrier breaks.
 *
 * @param resetGeneration the last generation ended by a reset, or -1
 */
record BarrierState(int parties, long generation, int arrived, boolean broken, long resetGeneration) {
    static BarrierState of(int parties) {
        return new BarrierState(parties, 0, 0, false, -1);
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(parties);
            out.writeLong(generation);
            out.writeInt(arrived);
            out.writeBoolean(broken);
            out.writeLong(resetGeneration);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // In memory.
        }
        return bytes.toByteArray();
    }

    static BarrierState of(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new BarrierState(in.readInt(), in.readLong(), in.readInt(), in.readBoolean(), in.readLong());
        } catch (IOException e) {
            throw new IllegalStateException("not the state of a barrier (written by another version?)", e);
        }
    }
}
