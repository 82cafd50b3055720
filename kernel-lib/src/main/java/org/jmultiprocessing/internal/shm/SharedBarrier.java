package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.SyncDescriptor.*;

import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.Signals;

/**
 * A barrier's state in its own region (see {@link SyncDescriptor}): a {@link SpinMutex} guards arrivals,
 * resets and breaking; waiters poll the generation and the broken flag with a {@link Backoff}.
 */
final class SharedBarrier implements Signals.Rendezvous {
    private static final int BASE = RegionDescriptor.HEADER_LENGTH;
    private static final int MUTEX = BASE + BARRIER_MUTEX_OFFSET;
    private static final int GENERATION = BASE + BARRIER_GENERATION_OFFSET;
    private static final int ARRIVED = BASE + BARRIER_ARRIVED_OFFSET;
    private static final int BROKEN_FLAG = BASE + BARRIER_BROKEN_OFFSET;
    private static final int RESET_GENERATION = BASE + BARRIER_RESET_GENERATION_OFFSET;
    private static final int PARTIES = BASE + BARRIER_PARTIES_OFFSET;

    private final SharedRegion region;
    private final int parties;

    SharedBarrier(int parties) {
        this.region = SharedRegion.create("barrier", BARRIER_LENGTH);
        this.parties = parties;
        region.putIntVolatile(PARTIES, parties);
        region.putIntVolatile(RESET_GENERATION, -1);
        region.holdUntilCollected(this, 0);
    }

    private SharedBarrier(SharedRegion region, long senderPid) {
        this.region = region;
        this.parties = region.getIntVolatile(PARTIES);
        region.acceptTransitUntilCollected(this, 0, senderPid);
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int await(long deadline, Runnable action) {
        int generation;
        int index;
        lock();
        try {
            if (isBroken()) {
                return BROKEN;
            }
            generation = region.getIntVolatile(GENERATION);
            index = region.getIntVolatile(ARRIVED);
            region.putIntVolatile(ARRIVED, index + 1);
            if (index + 1 == parties) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        region.putIntVolatile(BROKEN_FLAG, 1);
                        throw e;
                    }
                }
                region.putIntVolatile(ARRIVED, 0);
                region.putIntVolatile(GENERATION, generation + 1);
                return index;
            }
        } finally {
            unlock();
        }
        Backoff backoff = new Backoff(deadline);
        while (true) {
            if (region.getIntVolatile(GENERATION) != generation) {
                return region.getIntVolatile(RESET_GENERATION) == generation ? RESET_WHILE_WAITING : index;
            }
            if (isBroken()) {
                return BROKEN_WHILE_WAITING;
            }
            if (backoff.expired()) {
                lock();
                try {
                    if (region.getIntVolatile(GENERATION) == generation) {
                        region.putIntVolatile(BROKEN_FLAG, 1);
                        return TIMED_OUT;
                    }
                } finally {
                    unlock();
                }
                continue;
            }
            backoff.idle();
        }
    }

    @Override
    public void reset() {
        lock();
        try {
            int generation = region.getIntVolatile(GENERATION);
            if (region.getIntVolatile(ARRIVED) > 0 || isBroken()) {
                region.putIntVolatile(RESET_GENERATION, generation);
                region.putIntVolatile(ARRIVED, 0);
                region.putIntVolatile(BROKEN_FLAG, 0);
                region.putIntVolatile(GENERATION, generation + 1);
            }
        } finally {
            unlock();
        }
    }

    @Override
    public void abort() {
        lock();
        try {
            region.putIntVolatile(BROKEN_FLAG, 1);
        } finally {
            unlock();
        }
    }

    @Override
    public int arrived() {
        return region.getIntVolatile(ARRIVED);
    }

    @Override
    public boolean isBroken() {
        return region.getIntVolatile(BROKEN_FLAG) == 1;
    }

    private void lock() {
        SpinMutex.lock(region, MUTEX);
    }

    private void unlock() {
        SpinMutex.unlock(region, MUTEX);
    }

    @Override
    public Object transit(Rebuild<Signals.Rendezvous> rebuild) {
        return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new SharedBarrier(attached, senderPid)));
    }
}
