package org.jmultiprocessing.internal.thread;

import java.util.concurrent.CancellationException;

import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.Signals;

/** Events and barriers of the thread backend: plain objects of this JVM, waited for on their monitors. */
final class ThreadSignals implements Signals {
    static final ThreadSignals INSTANCE = new ThreadSignals();

    private ThreadSignals() {
    }

    @Override
    public Flag event() {
        return new ThreadEvent();
    }

    @Override
    public Rendezvous barrier(int parties) {
        return new ThreadBarrier(parties);
    }

    /**
     * Why an object of this backend cannot be serialized, and how to make one that can.
     *
     * @param object  the object with its article, e.g. "an Event"
     * @param factory the default context's method that makes one that travels, e.g. "event()"
     */
    static NotTransferableException notTransferable(String object, String factory) {
        return new NotTransferableException(object + " of the thread context lives in this JVM only and cannot be"
                + " sent to another process: make it with Multiprocessing.getContext()." + factory
                + " to share it with processes", null);
    }

    /**
     * Waits on {@code monitor}, which the caller holds, until notified or the deadline passes; false once it
     * has passed. An interrupt ends the wait as the process backend's waits end: a
     * {@link CancellationException}, the interrupt flag kept.
     */
    static boolean waitUntil(Object monitor, long deadline) {
        long nanos = 0;
        if (deadline != Deadline.FOREVER) {
            nanos = deadline - System.nanoTime();
            if (nanos <= 0) {
                return false;
            }
        }
        try {
            if (nanos == 0) {
                monitor.wait();
            } else {
                monitor.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting");
        }
        return true;
    }
}
