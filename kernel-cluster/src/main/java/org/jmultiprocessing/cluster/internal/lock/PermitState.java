package org.jmultiprocessing.cluster.internal.lock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The state of a counter of permits (a lock, a semaphore, a queue's free slots or unfinished tasks) as its
 * sealed entry holds it: the permits available, the bound they may not exceed, the holder's token and thread
 * name ("" when none) and a recursive holder's depth.
 */
public record PermitState(int value, int bound, String owner, String ownerName, int depth) {
    /** No bound: a semaphore released without limit. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public static PermitState free(int value, int bound) {
        return new PermitState(value, bound, "", "", 0);
    }

    public boolean isHeld() {
        return !owner.isEmpty();
    }

    PermitState withValue(int newValue) {
        return new PermitState(newValue, bound, owner, ownerName, depth);
    }

    PermitState heldBy(int newValue, String token, String name, int newDepth) {
        return new PermitState(newValue, bound, token, name, newDepth);
    }

    PermitState withDepth(int newDepth) {
        return new PermitState(value, bound, owner, ownerName, newDepth);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(value);
            out.writeInt(bound);
            out.writeUTF(owner);
            out.writeUTF(ownerName);
            out.writeInt(depth);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // In memory.
        }
        return bytes.toByteArray();
    }

    public static PermitState of(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new PermitState(in.readInt(), in.readInt(), in.readUTF(), in.readUTF(), in.readInt());
        } catch (IOException e) {
            throw new IllegalStateException("not the state of a lock or semaphore (written by another version?)", e);
        }
    }
}
