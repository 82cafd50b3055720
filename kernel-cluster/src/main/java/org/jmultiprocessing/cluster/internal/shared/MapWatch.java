package org.jmultiprocessing.cluster.internal.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;

/** The {@link Changes} of IMap entries: one entry listener per map and JVM, whose events wake that map's waiters. */
public final class MapWatch {
    private static final Map<HazelcastInstance, Map<String, Changes>> WATCHES = new ConcurrentHashMap<>();

    private MapWatch() {
    }

    /** The changes of {@code map} seen in this JVM; registers its listener on first use. */
    public static Changes of(HazelcastInstance hazelcast, IMap<?, ?> map) {
        return WATCHES.computeIfAbsent(hazelcast, h -> new ConcurrentHashMap<>())
                .computeIfAbsent(map.getName(), name -> {
                    Changes changes = new Changes();
                    map.addEntryListener(new Listener(changes), false);
                    return changes;
                });
    }

    /** Forgets the listeners' state of an instance that was shut down. */
    public static void forget(HazelcastInstance hazelcast) {
        WATCHES.remove(hazelcast);
    }

    private record Listener(Changes changes) implements EntryAddedListener<Object, Object>,
            EntryUpdatedListener<Object, Object>, EntryRemovedListener<Object, Object> {
        @Override
        public void entryAdded(EntryEvent<Object, Object> event) {
            changes.changed();
        }

        @Override
        public void entryUpdated(EntryEvent<Object, Object> event) {
            changes.changed();
        }

        @Override
        public void entryRemoved(EntryEvent<Object, Object> event) {
            changes.changed();
        }
    }
}
