package org.jmultiprocessing.cluster.internal.lock;

import java.io.Serializable;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;
import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.ConditionImpl;
import org.jmultiprocessing.spi.LockImpl;
import org.jmultiprocessing.spi.Rebuild;

/**
 * A {@code Condition}'s waiters in the cluster: each wait takes a ticket in a sealed entry (before releasing
 * the lock, so a signal sent after the release reaches it), and ends when its ticket is signalled or the
 * deadline passes.
 */
final class ClusterCondition implements ConditionImpl {
    private final Site site;
    private final String name;

    ClusterCondition(Site site, String name) {
        this.site = site;
        this.name = name;
    }

    static ClusterCondition create(Site site) {
        String name = site.newName("condition");
        site.sync().set(name, site.key().seal(ConditionStep.empty()));
        return new ClusterCondition(site, name);
    }

    private long step(int op, long argument) {
        return site.step(name, new ConditionStep(op, argument));
    }

    @Override
    public boolean await(LockImpl lock, long deadline) {
        long ticket = step(ConditionStep.ENLIST, 0);
        int depth = lock.releaseFully();
        boolean signalled = false;
        try {
            signalled = site.syncChanges(name).awaitSuccess(() -> step(ConditionStep.COLLECT, ticket) == 1, deadline);
        } finally {
            // An interrupt ends the wait, not the clean-up: the ticket must go and the lock come back.
            boolean interrupted = Thread.interrupted();
            try {
                if (!signalled) {
                    // A signal may have come between the last look and now: it counts, as it would in Python.
                    signalled = step(ConditionStep.LEAVE, ticket) == 1;
                }
                lock.reacquire(depth);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return signalled;
    }

    @Override
    public void signal(int n) {
        step(ConditionStep.SIGNAL, n);
    }

    @Override
    public int waiting() {
        byte[] sealed = site.sync().get(name);
        if (sealed == null) {
            throw SealedStep.gone(name);
        }
        return ConditionStep.waiting(site.key().open(sealed));
    }

    @Override
    public Object transit(Rebuild<ConditionImpl> rebuild) {
        return new Handle(site.session(), name, rebuild);
    }

    private record Handle(String session, String name, Rebuild<ConditionImpl> rebuild) implements Serializable {
        private Object readResolve() {
            return rebuild.around(new ClusterCondition(Site.arrived(session), name));
        }
    }
}
