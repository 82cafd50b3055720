package org.jmultiprocessing.internal.thread;

import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.Signals;

/** An event's flag as a field of this JVM; waiters sleep on the object's monitor until {@link #set()}. */
final class ThreadEvent implements Signals.Flag {
    private volatile boolean set;

    @Override
    public synchronized void set() {
        set = true;
        notifyAll();
    }

    @Override
    public void clear() {
        set = false;
    }

    @Override
    public boolean isSet() {
        return set;
    }

    @Override
    public boolean awaitUntil(long deadline) {
        if (set) {
            return true;
        }
        synchronized (this) {
            while (!set) {
                if (!ThreadSignals.waitUntil(this, deadline)) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public Object transit(Rebuild<Signals.Flag> rebuild) {
        throw ThreadSignals.notTransferable("an Event", "event()");
    }
}
