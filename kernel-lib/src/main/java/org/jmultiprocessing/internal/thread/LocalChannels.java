package org.jmultiprocessing.internal.thread;

import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.JoinableQueueChannel;
import org.jmultiprocessing.spi.QueueChannel;

/** The queues and pipes of the thread backend: objects of this JVM under locks. */
public final class LocalChannels implements Channels {
    public static final LocalChannels INSTANCE = new LocalChannels();

    private LocalChannels() {
    }

    @Override
    public QueueChannel queue(int maxsize) {
        return new LocalQueue("Queue", maxsize);
    }

    @Override
    public JoinableQueueChannel joinableQueue(int maxsize) {
        return new LocalQueue("JoinableQueue", maxsize);
    }

    @Override
    public QueueChannel simpleQueue() {
        return new LocalQueue("SimpleQueue", 0);
    }

    @Override
    public Channels.Ends pipe(boolean duplex) {
        return LocalPipeEnd.createPipe(duplex);
    }
}
