package org.jmultiprocessing.cluster.internal.manager;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

import com.hazelcast.collection.IList;

import org.jmultiprocessing.cluster.internal.shared.SealedCodec;
import org.jmultiprocessing.cluster.internal.shared.Site;

/**
 * A manager's list on the cluster: an IList of sealed items. Each of {@code get}, {@code set}, {@code add},
 * {@code remove(index)}, {@code size} and {@code clear} is one atomic list operation; a read-then-write (as
 * {@code l.set(i, l.get(i) + 1)}) is two, as on Python's proxies. Iteration reads a snapshot and cannot
 * remove; remove by index instead.
 */
final class ClusterList extends AbstractList<Object> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;
    private static final String WHERE = "a manager's list on the cluster";

    private final transient Site site;
    private final transient IList<byte[]> list;
    private final ManagerRef manager;
    private final String name;

    ClusterList(Site site, ManagerRef manager, String name) {
        this.site = site;
        this.manager = manager;
        this.name = name;
        this.list = site.hazelcast().getList(name);
    }

    private byte[] seal(Object value) {
        return SealedCodec.seal(site.key(), value, WHERE);
    }

    private Object open(byte[] sealed) {
        return SealedCodec.open(site.key(), sealed);
    }

    private void check() {
        manager.checkRunning(site);
    }

    @Override
    public Object get(int index) {
        check();
        return open(list.get(index));
    }

    @Override
    public int size() {
        check();
        return list.size();
    }

    @Override
    public Object set(int index, Object element) {
        check();
        return open(list.set(index, seal(element)));
    }

    @Override
    public boolean add(Object element) {
        check();
        return list.add(seal(element));
    }

    @Override
    public void add(int index, Object element) {
        check();
        list.add(index, seal(element));
    }

    @Override
    public Object remove(int index) {
        check();
        return open(list.remove(index));
    }

    @Override
    public void clear() {
        check();
        list.clear();
    }

    /** The items now, in one call. */
    private List<Object> snapshot() {
        check();
        List<Object> items = new ArrayList<>();
        for (byte[] sealed : list) {
            items.add(open(sealed));
        }
        return items;
    }

    @Override
    public Iterator<Object> iterator() {
        return Collections.unmodifiableList(snapshot()).iterator();
    }

    @Override
    public Object[] toArray() {
        return snapshot().toArray();
    }

    private Object writeReplace() {
        return new Handle(manager, name);
    }

    private record Handle(ManagerRef manager, String name) implements Serializable {
        private Object readResolve() {
            return new ClusterList(Site.arrived(manager.session()), manager, name);
        }
    }
}
