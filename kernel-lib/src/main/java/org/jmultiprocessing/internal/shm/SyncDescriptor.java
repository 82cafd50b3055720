package org.jmultiprocessing.internal.shm;

/**
 * Layouts of the small synchronization objects in their regions' payloads.
 *
 * <p>Event:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                  Flag: 1 set, 0 clear                         |  0
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Condition (its lock is a separate {@code Lock} or {@code RLock} object with its own region):
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                  Sleepers: threads waiting (high 32 bits)     |  0
 *  |                  Signals: wake-ups not yet taken (low 32 bits)|
 *  +---------------------------------------------------------------+
 * </pre>
 * One 64-bit word, so that a waiter timing out and a notifier handing out wake-ups agree atomically on who
 * was woken: {@code notify(n)} adds {@code min(n, sleepers - signals)} signals; a waiter leaves by taking a
 * signal (woken) or, at its deadline with none left, just decrementing the sleepers (timed out).
 *
 * <p>Barrier:
 * <pre>
 *  +---------------------------------------------------------------+
 *  |                  Mutex (0 free, 1 held)                       |  0
 *  +---------------------------------------------------------------+
 *  |                  Generation: completed or reset cycles        | 64
 *  +---------------------------------------------------------------+
 *  |                  Arrived: parties waiting in this generation  | 68
 *  +---------------------------------------------------------------+
 *  |                  Broken: 1 after abort, timeout or failed     | 72
 *  |                  action, until reset                          |
 *  +---------------------------------------------------------------+
 *  |                  Last generation ended by reset, or -1        | 76
 *  +---------------------------------------------------------------+
 *  |                  Parties                                      | 80
 *  +---------------------------------------------------------------+
 * </pre>
 * Waiters of a generation leave when the generation number changes (released, unless that generation was
 * ended by a reset) or the broken flag is set (broken).
 */
public final class SyncDescriptor {
    public static final int EVENT_FLAG_OFFSET = 0;
    public static final int EVENT_LENGTH = 64;

    public static final int CONDITION_WAITERS_OFFSET = 0;
    public static final int CONDITION_LENGTH = 64;

    public static final int BARRIER_MUTEX_OFFSET = 0;
    public static final int BARRIER_GENERATION_OFFSET = 64;
    public static final int BARRIER_ARRIVED_OFFSET = 68;
    public static final int BARRIER_BROKEN_OFFSET = 72;
    public static final int BARRIER_RESET_GENERATION_OFFSET = 76;
    public static final int BARRIER_PARTIES_OFFSET = 80;
    public static final int BARRIER_LENGTH = 128;

    private SyncDescriptor() {
    }
}
