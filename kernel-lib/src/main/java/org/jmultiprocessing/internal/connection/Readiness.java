package org.jmultiprocessing.internal.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.jmultiprocessing.internal.shm.Backoff;

/**
 * Python's {@code multiprocessing.connection.wait}: which of several things are ready. The things (pipe ends
 * in shared memory, sockets, processes, queues) share no kernel object to block on, so the wait checks each
 * in turn, idling between rounds as a wait on shared memory does: briefly spinning, then sleeping in steps
 * of up to a millisecond.
 */
public final class Readiness {
    private Readiness() {
    }

    /**
     * The indexes of the {@code checks} that hold, in order, once at least one does or {@code deadline}
     * passes (then none may); each check is asked without waiting. An interrupt ends the wait with a
     * {@link java.util.concurrent.CancellationException}.
     */
    public static List<Integer> await(List<BooleanSupplier> checks, long deadline) {
        List<Integer> ready = new ArrayList<>();
        Backoff backoff = new Backoff(deadline);
        while (true) {
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).getAsBoolean()) {
                    ready.add(i);
                }
            }
            if (!ready.isEmpty() || backoff.expired()) {
                return ready;
            }
            backoff.idle();
        }
    }
}
