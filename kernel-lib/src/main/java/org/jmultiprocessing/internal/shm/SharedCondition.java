package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.SyncDescriptor.CONDITION_LENGTH;
import static org.jmultiprocessing.internal.shm.SyncDescriptor.CONDITION_WAITERS_OFFSET;

import java.util.concurrent.CancellationException;

import org.jmultiprocessing.spi.ConditionImpl;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/**
 * The waiters of a condition in shared memory: one word, sleepers in the high half and signals not yet taken
 * in the low half (layout in {@link SyncDescriptor}). A waiter counts itself a sleeper before releasing the
 * lock, so a signal given right after cannot be missed, and leaves taking a signal, or at its deadline.
 */
final class SharedCondition implements ConditionImpl {
    private static final long SLEEPER = 1L << 32;

    private final SharedRegion region;
    private final int waiters;

    SharedCondition() {
        this(SharedRegion.create("condition", CONDITION_LENGTH), 0);
    }

    /** The condition in {@code region}, received from {@code senderPid}, or (0) just created. */
    private SharedCondition(SharedRegion region, long senderPid) {
        this.region = region;
        this.waiters = RegionDescriptor.HEADER_LENGTH + CONDITION_WAITERS_OFFSET;
        // A condition has no close(): held until collected.
        if (senderPid == 0) {
            region.holdUntilCollected(this, 0);
        } else {
            region.acceptTransitUntilCollected(this, 0, senderPid);
        }
    }

    @Override
    public boolean await(LockImpl lock, long deadline) {
        region.getAndAddLong(waiters, SLEEPER);
        int depth;
        try {
            depth = lock.releaseFully();
        } catch (RuntimeException notHeld) {
            region.getAndAddLong(waiters, -SLEEPER);
            throw notHeld;
        }
        try {
            Backoff backoff = new Backoff(deadline);
            while (true) {
                long word = region.getLongVolatile(waiters);
                if ((int) word > 0) {
                    if (region.compareAndSetLong(waiters, word, word - SLEEPER - 1)) {
                        return true;
                    }
                    continue;
                }
                if (backoff.expired()) {
                    if (region.compareAndSetLong(waiters, word, word - SLEEPER)) {
                        return false;
                    }
                    continue;
                }
                try {
                    backoff.idle();
                } catch (CancellationException interrupted) {
                    leave();
                    throw interrupted;
                }
            }
        } finally {
            lock.reacquire(depth);
        }
    }

    /**
     * Leaves without waiting for a signal: an interrupted waiter. It takes a signal with it only when every
     * sleeper has one, so the signals never outnumber the sleepers.
     */
    private void leave() {
        while (true) {
            long word = region.getLongVolatile(waiters);
            int sleepers = (int) (word >>> 32);
            int signals = (int) word;
            long next = signals == sleepers ? word - SLEEPER - 1 : word - SLEEPER;
            if (region.compareAndSetLong(waiters, word, next)) {
                return;
            }
        }
    }

    @Override
    public void signal(int n) {
        while (true) {
            long word = region.getLongVolatile(waiters);
            int sleepers = (int) (word >>> 32);
            int signals = (int) word;
            int wake = Math.min(n, sleepers - signals);
            if (wake <= 0 || region.compareAndSetLong(waiters, word, word + wake)) {
                return;
            }
        }
    }

    @Override
    public int waiting() {
        long word = region.getLongVolatile(waiters);
        return (int) ((word >>> 32) - (int) word);
    }

    @Override
    public Object transit(Rebuild<ConditionImpl> rebuild) {
        return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new SharedCondition(attached, senderPid)));
    }
}
