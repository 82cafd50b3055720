package org.jmultiprocessing.internal.thread;

import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.Signals;

/**
 * A barrier's state as fields of this JVM, guarded by the object's monitor, with the generations of the
 * process backend's barrier: waiters of a generation leave when it ends (released, unless a reset ended it)
 * or the barrier breaks.
 */
final class ThreadBarrier implements Signals.Rendezvous {
    private final int parties;
    private int generation;
    private int arrived;
    private boolean broken;
    /** The last generation ended by a reset, or -1. */
    private int resetGeneration = -1;

    ThreadBarrier(int parties) {
        this.parties = parties;
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public synchronized int await(long deadline, Runnable action) {
        if (broken) {
            return BROKEN;
        }
        int arrivedIn = generation;
        int index = arrived++;
        if (index + 1 == parties) {
            if (action != null) {
                try {
                    action.run();
                } catch (RuntimeException | Error e) {
                    broken = true;
                    notifyAll();
                    throw e;
                }
            }
            arrived = 0;
            generation++;
            notifyAll();
            return index;
        }
        while (true) {
            if (generation != arrivedIn) {
                return resetGeneration == arrivedIn ? RESET_WHILE_WAITING : index;
            }
            if (broken) {
                return BROKEN_WHILE_WAITING;
            }
            if (!ThreadSignals.waitUntil(this, deadline)) {
                broken = true;
                notifyAll();
                return TIMED_OUT;
            }
        }
    }

    @Override
    public synchronized void reset() {
        if (arrived > 0 || broken) {
            resetGeneration = generation;
            arrived = 0;
            broken = false;
            generation++;
            notifyAll();
        }
    }

    @Override
    public synchronized void abort() {
        broken = true;
        notifyAll();
    }

    @Override
    public synchronized int arrived() {
        return arrived;
    }

    @Override
    public synchronized boolean isBroken() {
        return broken;
    }

    @Override
    public Object transit(Rebuild<Signals.Rendezvous> rebuild) {
        throw ThreadSignals.notTransferable("a Barrier", "barrier(parties)");
    }
}
