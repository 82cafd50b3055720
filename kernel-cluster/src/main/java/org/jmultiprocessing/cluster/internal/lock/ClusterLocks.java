package org.jmultiprocessing.cluster.internal.lock;

import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.ConditionImpl;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Locks;
import org.jmultiprocessing.spi.SemaphoreImpl;

/** The locks, semaphores and conditions of the cluster backend: entries of the session's sync map. */
public final class ClusterLocks implements Locks {
    private final Site site;

    public ClusterLocks(Site site) {
        this.site = site;
    }

    /** A new free RLock {@code name}: also the lock of a value or an array. */
    public static LockImpl newRLock(Site site, String name) {
        return new ClusterLock(Permits.create(site, name, 1, 1), true);
    }

    /** The existing RLock {@code name}, in this JVM. */
    public static LockImpl attachRLock(Site site, String name) {
        return new ClusterLock(Permits.attach(site, name), true);
    }

    @Override
    public LockImpl lock() {
        return new ClusterLock(Permits.create(site, site.newName("lock"), 1, 1), false);
    }

    @Override
    public LockImpl rlock() {
        return newRLock(site, site.newName("rlock"));
    }

    @Override
    public SemaphoreImpl semaphore(int value) {
        return new ClusterSemaphore(Permits.create(site, site.newName("semaphore"), value, PermitState.UNBOUNDED), "semaphore");
    }

    @Override
    public SemaphoreImpl boundedSemaphore(int value) {
        return new ClusterSemaphore(Permits.create(site, site.newName("bounded-semaphore"), value, value), "bounded-semaphore");
    }

    @Override
    public ConditionImpl condition() {
        return ClusterCondition.create(site);
    }
}
