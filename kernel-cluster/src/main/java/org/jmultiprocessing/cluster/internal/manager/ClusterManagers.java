package org.jmultiprocessing.cluster.internal.manager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.hazelcast.core.DistributedObject;

import org.jmultiprocessing.cluster.internal.shared.Site;
import org.jmultiprocessing.spi.ManagerImpl;
import org.jmultiprocessing.spi.Managers;

/**
 * The managers of the cluster backend. The cluster itself is the server: a manager is a marker entry, its
 * dicts and lists are IMaps and ILists of the session, and its proxies reach them from any JVM.
 */
public final class ClusterManagers implements Managers {
    private static final byte[] RUNNING = {1};

    private final Site site;

    public ClusterManagers(Site site) {
        this.site = site;
    }

    @Override
    public ManagerImpl start() {
        ManagerRef ref = new ManagerRef(site.session(), site.newName("manager"));
        site.sync().set(ref.name(), site.key().seal(RUNNING));
        return new ClusterManager(site, ref);
    }

    private static final class ClusterManager implements ManagerImpl {
        private final Site site;
        private final ManagerRef ref;
        private final List<DistributedObject> made = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        ClusterManager(Site site, ManagerRef ref) {
            this.site = site;
            this.ref = ref;
        }

        @Override
        public Map<Object, Object> dict() {
            String name = site.newName("dict");
            made.add(site.hazelcast().getMap(name));
            return new ClusterDict(site, ref, name);
        }

        @Override
        public List<Object> list() {
            String name = site.newName("list");
            made.add(site.hazelcast().getList(name));
            return new ClusterList(site, ref, name);
        }

        /** Removes the marker (every proxy fails from then on), then the dicts and lists. */
        @Override
        public synchronized void shutdown() {
            if (!running) {
                return;
            }
            running = false;
            site.sync().delete(ref.name());
            made.forEach(DistributedObject::destroy);
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
