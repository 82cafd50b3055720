package org.jmultiprocessing.cluster.internal.signal;

import java.io.Serializable;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;
import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.Signals;

/**
 * A {@code Barrier} of the cluster: a sealed entry changed by {@link BarrierStep}s. The last party runs the
 * action between its arrival and the release of its generation; a waiter that times out meanwhile keeps
 * waiting for that release, as it would wait for the local barrier's monitor.
 */
final class ClusterBarrier implements Signals.Rendezvous {
    private final Site site;
    private final String name;
    private final int parties;

    ClusterBarrier(Site site, String name, int parties) {
        this.site = site;
        this.name = name;
        this.parties = parties;
    }

    static ClusterBarrier create(Site site, int parties) {
        String name = site.newName("barrier");
        site.sync().set(name, site.key().seal(BarrierState.of(parties).toBytes()));
        return new ClusterBarrier(site, name, parties);
    }

    private long[] step(int op, long argument) {
        return site.step(name, new BarrierStep(op, argument));
    }

    private BarrierState state() {
        byte[] sealed = site.sync().get(name);
        if (sealed == null) {
            throw SealedStep.gone(name);
        }
        return BarrierState.of(site.key().open(sealed));
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int await(long deadline, Runnable action) {
        long[] arrival = step(BarrierStep.ARRIVE, 0);
        if (arrival[0] < 0) {
            return BROKEN;
        }
        int index = (int) arrival[0];
        long generation = arrival[1];
        if (index + 1 == parties) {
            if (action != null) {
                try {
                    action.run();
                } catch (RuntimeException | Error e) {
                    step(BarrierStep.BREAK, 0);
                    throw e;
                }
            }
            step(BarrierStep.RELEASE, generation);
            return index;
        }
        long until = deadline;
        while (true) {
            if (site.syncChanges(name).awaitSuccess(() -> ended(state(), generation), until)) {
                BarrierState s = state();
                if (s.generation() != generation) {
                    return s.resetGeneration() == generation ? RESET_WHILE_WAITING : index;
                }
                return BROKEN_WHILE_WAITING;
            }
            if (step(BarrierStep.TIME_OUT, generation)[0] == 1) {
                return TIMED_OUT;
            }
            // The generation ended, broke, or its last party runs the action: see which, however long it takes.
            until = Deadline.FOREVER;
        }
    }

    private static boolean ended(BarrierState s, long generation) {
        return s.generation() != generation || s.broken();
    }

    @Override
    public void reset() {
        step(BarrierStep.RESET, 0);
    }

    @Override
    public void abort() {
        step(BarrierStep.BREAK, 0);
    }

    @Override
    public int arrived() {
        return state().arrived();
    }

    @Override
    public boolean isBroken() {
        return state().broken();
    }

    @Override
    public Object transit(Rebuild<Signals.Rendezvous> rebuild) {
        return new Handle(site.session(), name, parties, rebuild);
    }

    private record Handle(String session, String name, int parties, Rebuild<Signals.Rendezvous> rebuild)
            implements Serializable {
        private Object readResolve() {
            return rebuild.around(new ClusterBarrier(Site.arrived(session), name, parties));
        }
    }
}
