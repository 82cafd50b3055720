package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.QueueDescriptor.UNFINISHED_TASKS_OFFSET;

import org.jmultiprocessing.spi.JoinableQueueChannel;
import org.jmultiprocessing.spi.QueueChannel;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A {@code JoinableQueue} in shared memory: a {@link RingQueue} whose every item sent counts an unfinished
 * task in the queue's memory, so that {@code taskDone} and {@code join} work across processes.
 */
final class RingJoinableQueue extends RingQueue implements JoinableQueueChannel {
    private RingJoinableQueue(int maxsize) {
        super("joinable-queue", maxsize, true);
    }

    private RingJoinableQueue(SharedRegion region, long senderPid) {
        super(region, senderPid, true);
    }

    static RingJoinableQueue create(int maxsize) {
        return new RingJoinableQueue(maxsize);
    }

    @Override
    public void taskDone() {
        int offset = base + UNFINISHED_TASKS_OFFSET;
        enter();
        try {
            while (true) {
                long unfinished = region.getLongVolatile(offset);
                if (unfinished <= 0) {
                    throw new IllegalStateException("taskDone() called more times than there were items put");
                }
                if (region.compareAndSetLong(offset, unfinished, unfinished - 1)) {
                    return;
                }
            }
        } finally {
            exit();
        }
    }

    @Override
    public boolean join(long deadline) {
        enter();
        try {
            return new Backoff(deadline).await(() -> region.getLongVolatile(base + UNFINISHED_TASKS_OFFSET) <= 0);
        } finally {
            exit();
        }
    }

    @Override
    public Object transit(Rebuild<QueueChannel> rebuild) {
        checkOpen();
        enter();
        try {
            return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new RingJoinableQueue(attached, senderPid)));
        } finally {
            exit();
        }
    }
}
