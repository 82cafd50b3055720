package org.jmultiprocessing.cluster.internal.channel;

import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.Channels;
import org.jmultiprocessing.spi.JoinableQueueChannel;
import org.jmultiprocessing.spi.QueueChannel;

/** The queues of the cluster backend (IQueues); no pipes. */
public final class ClusterChannels implements Channels {
    private final Site site;

    public ClusterChannels(Site site) {
        this.site = site;
    }

    @Override
    public QueueChannel queue(int maxsize) {
        return ClusterQueue.create(site, "queue", maxsize, false);
    }

    @Override
    public JoinableQueueChannel joinableQueue(int maxsize) {
        return ClusterQueue.create(site, "joinable-queue", maxsize, true);
    }

    @Override
    public QueueChannel simpleQueue() {
        return ClusterQueue.create(site, "simple-queue", 0, false);
    }

    /**
     * A pipe's two ends belong to two processes that may close them (end of file, broken pipe): Hazelcast
     * has nothing that tells one end the other is gone, so the cluster offers none rather than a pipe that
     * hangs where Python's raises.
     */
    @Override
    public Ends pipe(boolean duplex) {
        throw new UnsupportedOperationException("the cluster context has no Pipe: a pipe's ends must see each other"
                + " close, which the cluster cannot tell; use two queues instead (ctx.queue() for each direction),"
                + " with a sentinel item for the end");
    }
}
