package org.jmultiprocessing.cluster.internal.signal;

import java.io.Serializable;

import org.jmultiprocessing.cluster.internal.shared.SealedStep;
import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.Signals;

/** The events and barriers of the cluster backend: sealed entries of the session's sync map. */
public final class ClusterSignals implements Signals {
    private static final byte[] SET = {1};
    private static final byte[] CLEAR = {0};

    private final Site site;

    public ClusterSignals(Site site) {
        this.site = site;
    }

    @Override
    public Flag event() {
        String name = site.newName("event");
        site.sync().set(name, site.key().seal(CLEAR));
        return new ClusterFlag(site, name);
    }

    @Override
    public Rendezvous barrier(int parties) {
        return ClusterBarrier.create(site, parties);
    }

    /** An {@code Event}: setting and clearing write the entry whole, so they need no entry processor. */
    private record ClusterFlag(Site site, String name) implements Flag {
        @Override
        public void set() {
            site.sync().set(name, site.key().seal(SET));
        }

        @Override
        public void clear() {
            site.sync().set(name, site.key().seal(CLEAR));
        }

        @Override
        public boolean isSet() {
            byte[] sealed = site.sync().get(name);
            if (sealed == null) {
                throw SealedStep.gone(name);
            }
            return site.key().open(sealed)[0] == 1;
        }

        @Override
        public boolean awaitUntil(long deadline) {
            return site.syncChanges(name).awaitSuccess(this::isSet, deadline);
        }

        @Override
        public Object transit(Rebuild<Flag> rebuild) {
            return new Handle(site.session(), name, rebuild);
        }
    }

    private record Handle(String session, String name, Rebuild<Flag> rebuild) implements Serializable {
        private Object readResolve() {
            return rebuild.around(new ClusterFlag(Site.arrived(session), name));
        }
    }
}
