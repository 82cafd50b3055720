package org.jmultiprocessing.cluster.internal.shared;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;

/**
 * The {@link Changes} of IMap entries: one entry listener per map and JVM, whose events wake the waiters of
 * the entry that changed.
 */
public final class MapWatch {
    /** Weakly keyed: the watches of a client that was shut down go with it. */
    private static final Map<HazelcastInstance, Map<String, MapWatch>> WATCHES = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<Object, Changes> byKey = new ConcurrentHashMap<>();

    private MapWatch() {
    }

    /** The watch of {@code map} in this JVM; registers its listener on first use. */
    public static MapWatch of(HazelcastInstance hazelcast, IMap<?, ?> map) {
        return WATCHES.computeIfAbsent(hazelcast, h -> new ConcurrentHashMap<>())
                .computeIfAbsent(map.getName(), name -> {
                    MapWatch watch = new MapWatch();
                    map.addEntryListener(new Listener(watch), false);
                    return watch;
                });
    }

    /** The changes of the entry {@code key}. */
    public Changes of(Object key) {
        return byKey.computeIfAbsent(key, k -> new Changes());
    }

    private void changed(Object key) {
        Changes changes = byKey.get(key);
        if (changes != null) {
            changes.changed();
        }
    }

    private record Listener(MapWatch watch) implements EntryAddedListener<Object, Object>,
            EntryUpdatedListener<Object, Object>, EntryRemovedListener<Object, Object> {
        @Override
        public void entryAdded(EntryEvent<Object, Object> event) {
            watch.changed(event.getKey());
        }

        @Override
        public void entryUpdated(EntryEvent<Object, Object> event) {
            watch.changed(event.getKey());
        }

        @Override
        public void entryRemoved(EntryEvent<Object, Object> event) {
            watch.changed(event.getKey());
        }
    }
}
