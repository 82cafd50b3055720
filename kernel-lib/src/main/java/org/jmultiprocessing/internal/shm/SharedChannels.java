package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.JoinableQueueChannel;
import org.jmultiprocessing.spi.QueueChannel;

/** The queues and pipes of the process backend: message rings in shared memory. */
public final class SharedChannels implements Channels {
    public static final SharedChannels INSTANCE = new SharedChannels();

    private SharedChannels() {
    }

    @Override
    public QueueChannel queue(int maxsize) {
        return RingQueue.create(maxsize);
    }

    @Override
    public JoinableQueueChannel joinableQueue(int maxsize) {
        return RingJoinableQueue.create(maxsize);
    }

    @Override
    public QueueChannel simpleQueue() {
        return RingSimpleQueue.create();
    }

    @Override
    public Channels.Ends pipe(boolean duplex) {
        return RingPipeEnd.createPipe(duplex);
    }
}
