package org.jmultiprocessing.internal.shm;

import static org.jmultiprocessing.internal.shm.SyncDescriptor.EVENT_FLAG_OFFSET;
import static org.jmultiprocessing.internal.shm.SyncDescriptor.EVENT_LENGTH;

import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.Signals;

/** An event's flag in its own region (see {@link SyncDescriptor}); waiters poll it with a {@link Backoff}. */
final class SharedEvent implements Signals.Flag {
    private static final int FLAG = RegionDescriptor.HEADER_LENGTH + EVENT_FLAG_OFFSET;

    private final SharedRegion region;

    SharedEvent() {
        this.region = SharedRegion.create("event", EVENT_LENGTH);
        region.holdUntilCollected(this, 0);
    }

    private SharedEvent(SharedRegion region, long senderPid) {
        this.region = region;
        region.acceptTransitUntilCollected(this, 0, senderPid);
    }

    @Override
    public void set() {
        region.putIntVolatile(FLAG, 1);
    }

    @Override
    public void clear() {
        region.putIntVolatile(FLAG, 0);
    }

    @Override
    public boolean isSet() {
        return region.getIntVolatile(FLAG) == 1;
    }

    @Override
    public boolean awaitUntil(long deadline) {
        return new Backoff(deadline).await(this::isSet);
    }

    @Override
    public Object transit(Rebuild<Signals.Flag> rebuild) {
        return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new SharedEvent(attached, senderPid)));
    }
}
