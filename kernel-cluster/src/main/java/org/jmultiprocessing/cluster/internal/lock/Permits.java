package org.jmultiprocessing.cluster.internal.lock;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;
import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.Deadline;

/**
 * A counter of permits in the cluster: one sealed entry of the session's sync map, changed only by
 * {@link PermitStep}s that its owning member runs one at a time. A waiter tries again whenever the map
 * changes (or after a bounded pause). Under a network split each side has its own copy of the entry, so two
 * holders are possible until the cluster merges.
 */
public final class Permits {
    private final Site site;
    private final String name;

    private Permits(Site site, String name) {
        this.site = site;
        this.name = name;
    }

    /** A new counter {@code name} of {@code value} permits, never above {@code bound}. */
    public static Permits create(Site site, String name, int value, int bound) {
        site.sync().set(name, site.key().seal(PermitState.free(value, bound).toBytes()));
        return new Permits(site, name);
    }

    /** The existing counter {@code name}, in this JVM. */
    public static Permits attach(Site site, String name) {
        return new Permits(site, name);
    }

    public String name() {
        return name;
    }

    public Site site() {
        return site;
    }

    private long step(int op, int argument) {
        return site.step(name, new PermitStep(op, site.threadToken(), Thread.currentThread().getName(), argument));
    }

    private boolean await(int op, int argument, long deadline) {
        return site.syncChanges(name).awaitSuccess(() -> step(op, argument) == 1, deadline);
    }

    /** Takes a permit for the calling thread, waiting until {@code deadline}. */
    public boolean acquireOwned(long deadline) {
        return await(PermitStep.ACQUIRE_OWNED, 0, deadline);
    }

    /** Takes the lock, or one level more of it, for the calling thread, waiting until {@code deadline}. */
    public boolean acquireRecursive(long deadline) {
        return await(PermitStep.ACQUIRE_RECURSIVE, 0, deadline);
    }

    /** Takes a permit for nobody in particular, waiting until {@code deadline}. */
    public boolean acquireAnonymous(long deadline) {
        return await(PermitStep.ACQUIRE_ANONYMOUS, 0, deadline);
    }

    /** Gives a permit back; false if the counter is at its bound. */
    public boolean release() {
        return step(PermitStep.RELEASE, 0) == 1;
    }

    /** Gives one level back; false if the calling thread does not hold the lock. */
    public boolean releaseRecursive() {
        return step(PermitStep.RELEASE_RECURSIVE, 0) == 1;
    }

    /** Frees the lock the calling thread holds; its depth, or -1 if it does not hold it. */
    public int releaseFully() {
        return (int) step(PermitStep.RELEASE_FULLY, 0);
    }

    /** Takes the lock again at {@code depth}, waiting as long as it takes. */
    public void reacquire(int depth) {
        await(PermitStep.REACQUIRE, depth, Deadline.FOREVER);
    }

    /** The state now. */
    public PermitState state() {
        byte[] sealed = site.sync().get(name);
        if (sealed == null) {
            throw SealedStep.gone(name);
        }
        return PermitState.of(site.key().open(sealed));
    }

    /** Whether the calling thread holds the counter. */
    public boolean isOwnedByCurrentThread() {
        return site.threadToken().equals(state().owner());
    }

    /**
     * Who holds it, for an error that goes on from "a lock ...": "held by thread 'worker'; the current thread
     * is 'main'", or "not held by any thread"; a holder in another JVM is named with that JVM's cluster id.
     */
    public String holder() {
        PermitState state = state();
        if (!state.isHeld()) {
            return "not held by any thread";
        }
        return "held by " + describeOwner(state) + "; the current thread is '" + Thread.currentThread().getName() + "'";
    }

    /** As the local backends word it; a thread of another JVM is named with that JVM's cluster endpoint. */
    String describeOwner(PermitState state) {
        int slash = state.owner().indexOf('/');
        if (!site.isLocal(state.owner())) {
            return "thread '" + state.ownerName() + "' of cluster endpoint " + state.owner().substring(0, slash);
        }
        long threadId = Long.parseLong(state.owner().substring(slash + 1));
        // Only an error or a toString() gets here, so listing every thread costs nothing that matters.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getId() == threadId) {
                return "thread '" + thread.getName() + "'";
            }
        }
        return "thread id " + threadId + ", which has ended";
    }
}
