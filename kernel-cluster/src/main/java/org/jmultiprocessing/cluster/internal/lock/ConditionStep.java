package org.jmultiprocessing.cluster.internal.lock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;

/**
 * The atomic steps of a condition's waiters. The state: the next ticket, the tickets waiting in arrival
 * order, and the tickets signalled but not yet collected by their waiter.
 */
final class ConditionStep extends SealedStep<Long> {
    private static final long serialVersionUID = 1L;

    /** A new waiter; returns its ticket. */
    static final int ENLIST = 0;
    /** Signals the first {@code argument} waiters; returns how many were signalled. */
    static final int SIGNAL = 1;
    /** 1 and forgets the ticket {@code argument} if it was signalled, else 0. */
    static final int COLLECT = 2;
    /** Forgets the ticket {@code argument} (its wait ended): 1 if it had been signalled, else 0. */
    static final int LEAVE = 3;

    private final int op;
    private final long argument;

    ConditionStep(int op, long argument) {
        this.op = op;
        this.argument = argument;
    }

    static byte[] empty() {
        return write(1, List.of(), List.of());
    }

    /** The number of waiters not yet signalled in {@code state}. */
    static int waiting(byte[] state) {
        return read(state).waiting.size();
    }

    @Override
    protected Outcome<Long> apply(String name, byte[] bytes) {
        Tickets t = read(bytes);
        long result;
        switch (op) {
            case ENLIST -> {
                result = t.next;
                t.waiting.add(t.next++);
            }
            case SIGNAL -> {
                int n = (int) Math.min(argument, t.waiting.size());
                for (int i = 0; i < n; i++) {
                    t.signalled.add(t.waiting.remove(0));
                }
                result = n;
            }
            case COLLECT -> {
                if (!t.signalled.remove(argument)) {
                    return new Outcome<>(0L, null);
                }
                result = 1;
            }
            case LEAVE -> {
                result = t.signalled.remove(argument) ? 1 : 0;
                t.waiting.remove(argument);
            }
            default -> throw new IllegalArgumentException("no condition step " + op);
        }
        return new Outcome<>(result, write(t.next, t.waiting, t.signalled));
    }

    private static final class Tickets {
        long next;
        final List<Long> waiting = new ArrayList<>();
        final List<Long> signalled = new ArrayList<>();
    }

    private static Tickets read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            Tickets t = new Tickets();
            t.next = in.readLong();
            for (int i = in.readInt(); i > 0; i--) {
                t.waiting.add(in.readLong());
            }
            for (int i = in.readInt(); i > 0; i--) {
                t.signalled.add(in.readLong());
            }
            return t;
        } catch (IOException e) {
            throw new IllegalStateException("not the state of a condition (written by another version?)", e);
        }
    }

    private static byte[] write(long next, List<Long> waiting, List<Long> signalled) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(next);
            out.writeInt(waiting.size());
            for (long ticket : waiting) {
                out.writeLong(ticket);
            }
            out.writeInt(signalled.size());
            for (long ticket : signalled) {
                out.writeLong(ticket);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // In memory.
        }
        return bytes.toByteArray();
    }
}
