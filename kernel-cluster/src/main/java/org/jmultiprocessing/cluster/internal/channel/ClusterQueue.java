package org.jmultiprocessing.cluster.internal.channel;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.UUID;

import com.hazelcast.collection.IQueue;
import com.hazelcast.collection.ItemEvent;
import com.hazelcast.collection.ItemListener;

import org.jmultiprocessing.cluster.internal.lock.Permits;
import org.jmultiprocessing.cluster.internal.shared.Changes;
import org.jmultiprocessing.cluster.internal.shared.SealedCodec;
import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.JoinableQueueChannel;
import org.jmultiprocessing.spi.QueueChannel;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A {@code Queue}, {@code JoinableQueue} or {@code SimpleQueue} of the cluster: an IQueue of sealed items.
 * {@code put} writes the item into the cluster before it returns (nothing is buffered, so {@code flush} has
 * nothing to wait for). A bounded queue takes a free slot from a {@link Permits} counter before it offers
 * and gives it back after a {@code get}, so it never holds more than {@code maxsize} items; a joinable one
 * counts unfinished tasks in another. A {@code get} polls without blocking in the cluster and waits here for
 * the queue's item events, so an interrupted {@code get} leaves no poll behind that would take an item.
 */
final class ClusterQueue implements JoinableQueueChannel {
    private final Site site;
    private final String name;
    private final int maxsize;
    /** Free slots of a bounded queue; null when unbounded. */
    private final Permits slots;
    /** Unfinished tasks of a joinable queue; null for the others. */
    private final Permits unfinished;
    private final IQueue<byte[]> queue;
    private final Changes arrivals = new Changes();
    private volatile UUID listener;
    private volatile boolean closed;

    private ClusterQueue(Site site, String name, int maxsize, Permits slots, Permits unfinished) {
        this.site = site;
        this.name = name;
        this.maxsize = maxsize;
        this.slots = slots;
        this.unfinished = unfinished;
        this.queue = site.hazelcast().getQueue(name);
    }

    static ClusterQueue create(Site site, String kind, int maxsize, boolean joinable) {
        String name = site.newName(kind);
        Permits slots = maxsize > 0 ? Permits.create(site, name + ".slots", maxsize, maxsize) : null;
        Permits unfinished = joinable ? Permits.create(site, name + ".unfinished", 0, Integer.MAX_VALUE) : null;
        return new ClusterQueue(site, name, maxsize, slots, unfinished);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("queue is closed (close() was called)");
        }
    }

    @Override
    public boolean send(Object message, long deadline) {
        checkOpen();
        byte[] sealed = SealedCodec.seal(site.key(), message, "a cluster queue");
        if (slots != null && !slots.acquireAnonymous(deadline)) {
            return false;
        }
        if (unfinished != null) {
            unfinished.release();
        }
        queue.add(sealed);
        return true;
    }

    @Override
    public Object receive(long deadline) {
        checkOpen();
        listen();
        byte[][] taken = new byte[1][];
        if (!arrivals.awaitSuccess(() -> (taken[0] = queue.poll()) != null, deadline)) {
            return NOTHING;
        }
        if (slots != null) {
            slots.release();
        }
        return SealedCodec.open(site.key(), taken[0]);
    }

    /** Registers this instance's item listener on its first wait. */
    private void listen() {
        if (listener == null) {
            synchronized (this) {
                if (listener == null) {
                    listener = queue.addItemListener(new Arrivals(arrivals), false);
                }
            }
        }
    }

    @Override
    public int size() {
        checkOpen();
        return queue.size();
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public void flush() {
        checkOpen();
    }

    @Override
    public void cancelFlush() {
        checkOpen();
    }

    @Override
    public Path path() {
        return null;
    }

    @Override
    public void taskDone() {
        checkOpen();
        if (!unfinished.acquireAnonymous(System.nanoTime())) {
            throw new IllegalStateException("taskDone() called more times than there were items put");
        }
    }

    @Override
    public boolean join(long deadline) {
        checkOpen();
        return site.syncChanges(unfinished.name()).awaitSuccess(() -> unfinished.state().value() == 0, deadline);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            queue.removeItemListener(listener);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object transit(Rebuild<QueueChannel> rebuild) {
        checkOpen();
        return new Handle(site.session(), name, maxsize, slots != null, unfinished != null, (Rebuild) rebuild);
    }

    private record Arrivals(Changes changes) implements ItemListener<byte[]> {
        @Override
        public void itemAdded(ItemEvent<byte[]> item) {
            changes.changed();
        }

        @Override
        public void itemRemoved(ItemEvent<byte[]> item) {
            // A removal frees nothing a waiter for items needs.
        }
    }

    /** The queue on its way to another JVM: its names, reattached where it arrives. */
    private record Handle(String session, String name, int maxsize, boolean bounded, boolean joinable,
                          Rebuild<Object> rebuild) implements Serializable {
        private Object readResolve() {
            Site site = Site.arrived(session);
            return rebuild.around(new ClusterQueue(site, name, maxsize,
                    bounded ? Permits.attach(site, name + ".slots") : null,
                    joinable ? Permits.attach(site, name + ".unfinished") : null));
        }
    }
}
