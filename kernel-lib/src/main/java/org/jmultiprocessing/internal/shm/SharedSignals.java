package org.jmultiprocessing.internal.shm;

import org.jmultiprocessing.spi.Signals;

/** Events and barriers of the process backend: words in a shared-memory region, layouts in {@link SyncDescriptor}. */
public final class SharedSignals implements Signals {
    public static final SharedSignals INSTANCE = new SharedSignals();

    private SharedSignals() {
    }

    @Override
    public Flag event() {
        return new SharedEvent();
    }

    @Override
    public Rendezvous barrier(int parties) {
        return new SharedBarrier(parties);
    }
}
