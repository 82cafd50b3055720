package org.jmultiprocessing.cluster.internal.manager;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

import com.hazelcast.map.IMap;

import org.jmultiprocessing.cluster.internal.shared.SealedCodec;
import org.jmultiprocessing.cluster.internal.shared.Site;

/**
 * A manager's dict on the cluster: an IMap of sealed keys to sealed values. Keys are compared by their
 * serialized form, as Hazelcast compares keys (equal strings, numbers and records of them serialize alike).
 * Each of {@code get}, {@code put}, {@code remove}, {@code putIfAbsent}, {@code replace} and
 * {@code remove(key, value)} is one atomic map operation; {@code computeIfAbsent}, {@code compute},
 * {@code computeIfPresent} and {@code merge} are {@link ConcurrentMap}'s retry loops over them, so they are
 * atomic too (the function may run more than once). {@code d.put(k, d.get(k) + 1)} is two operations, as
 * on Python's proxies: use {@code merge}. Iteration reads a snapshot.
 */
final class ClusterDict extends AbstractMap<Object, Object> implements ConcurrentMap<Object, Object>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final String WHERE = "a manager's dict on the cluster";

    private final transient Site site;
    private final transient IMap<byte[], byte[]> map;
    private final ManagerRef manager;
    private final String name;

    ClusterDict(Site site, ManagerRef manager, String name) {
        this.site = site;
        this.manager = manager;
        this.name = name;
        this.map = site.hazelcast().getMap(name);
    }

    private byte[] seal(Object value) {
        return SealedCodec.seal(site.key(), value, WHERE);
    }

    private Object open(byte[] sealed) {
        return sealed == null ? null : SealedCodec.open(site.key(), sealed);
    }

    private void check() {
        manager.checkRunning(site);
    }

    @Override
    public int size() {
        check();
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        check();
        return map.containsKey(seal(key));
    }

    @Override
    public boolean containsValue(Object value) {
        check();
        return map.containsValue(seal(value));
    }

    @Override
    public Object get(Object key) {
        check();
        return open(map.get(seal(key)));
    }

    @Override
    public Object put(Object key, Object value) {
        check();
        return open(map.put(seal(key), seal(value)));
    }

    @Override
    public Object remove(Object key) {
        check();
        return open(map.remove(seal(key)));
    }

    @Override
    public void clear() {
        check();
        map.clear();
    }

    @Override
    public Object putIfAbsent(Object key, Object value) {
        check();
        return open(map.putIfAbsent(seal(key), seal(value)));
    }

    @Override
    public boolean remove(Object key, Object value) {
        check();
        return map.remove(seal(key), seal(value));
    }

    @Override
    public boolean replace(Object key, Object oldValue, Object newValue) {
        check();
        return map.replace(seal(key), seal(oldValue), seal(newValue));
    }

    @Override
    public Object replace(Object key, Object value) {
        check();
        return open(map.replace(seal(key), seal(value)));
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        check();
        List<Entry<Object, Object>> snapshot = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : map.entrySet()) {
            snapshot.add(new SimpleImmutableEntry<>(open(e.getKey()), open(e.getValue())));
        }
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Object, Object>> iterator() {
                Iterator<Entry<Object, Object>> it = snapshot.iterator();
                return new Iterator<>() {
                    private Entry<Object, Object> last;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<Object, Object> next() {
                        last = it.next();
                        return last;
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException("next() first");
                        }
                        ClusterDict.this.remove(last.getKey());
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return snapshot.size();
            }
        };
    }

    private Object writeReplace() {
        return new Handle(manager, name);
    }

    private record Handle(ManagerRef manager, String name) implements Serializable {
        private Object readResolve() {
            return new ClusterDict(Site.arrived(manager.session()), manager, name);
        }
    }
}
