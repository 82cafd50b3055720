package org.jmultiprocessing.internal.manager;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jmultiprocessing.NotTransferableException;

/**
 * A manager's dict as its server (or the thread context) holds it: insertion-ordered, as Python's dict, and
 * every method atomic (one monitor), the functions of {@code compute}, {@code merge} and the rest included.
 * Views ({@code keySet}, {@code values}, {@code entrySet}) are read-only snapshots. A version counts the
 * changes, so that a client can update atomically with a function that cannot travel: read with
 * {@link #versioned}, write with {@link #setIfUnchanged}, and retry if another change came between.
 */
public final class SynchronizedDict implements Map<Object, Object>, Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
    private long version;

    @Override
    public synchronized int size() {
        return map.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public synchronized boolean containsValue(Object value) {
        return map.containsValue(value);
    }

    @Override
    public synchronized Object get(Object key) {
        return map.get(key);
    }

    @Override
    public synchronized Object getOrDefault(Object key, Object defaultValue) {
        return map.getOrDefault(key, defaultValue);
    }

    @Override
    public synchronized Object put(Object key, Object value) {
        version++;
        return map.put(key, value);
    }

    @Override
    public synchronized Object remove(Object key) {
        version++;
        return map.remove(key);
    }

    @Override
    public synchronized void putAll(Map<?, ?> m) {
        version++;
        map.putAll(m);
    }

    @Override
    public synchronized void clear() {
        version++;
        map.clear();
    }

    @Override
    public synchronized Set<Object> keySet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(map.keySet()));
    }

    @Override
    public synchronized Collection<Object> values() {
        return Collections.unmodifiableList(new ArrayList<>(map.values()));
    }

    @Override
    public synchronized Set<Entry<Object, Object>> entrySet() {
        Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
        map.forEach((k, v) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return Collections.unmodifiableSet(entries);
    }

    /** A copy of the whole dict, for iteration. */
    public synchronized LinkedHashMap<Object, Object> snapshot() {
        return new LinkedHashMap<>(map);
    }

    @Override
    public void forEach(BiConsumer<? super Object, ? super Object> action) {
        snapshot().forEach(action);
    }

    @Override
    public synchronized void replaceAll(BiFunction<? super Object, ? super Object, ?> function) {
        version++;
        map.replaceAll(function);
    }

    @Override
    public synchronized Object putIfAbsent(Object key, Object value) {
        version++;
        return map.putIfAbsent(key, value);
    }

    @Override
    public synchronized boolean remove(Object key, Object value) {
        version++;
        return map.remove(key, value);
    }

    @Override
    public synchronized boolean replace(Object key, Object oldValue, Object newValue) {
        version++;
        return map.replace(key, oldValue, newValue);
    }

    @Override
    public synchronized Object replace(Object key, Object value) {
        version++;
        return map.replace(key, value);
    }

    @Override
    public synchronized Object computeIfAbsent(Object key, Function<? super Object, ?> function) {
        version++;
        return map.computeIfAbsent(key, function);
    }

    @Override
    public synchronized Object computeIfPresent(Object key, BiFunction<? super Object, ? super Object, ?> function) {
        version++;
        return map.computeIfPresent(key, function);
    }

    @Override
    public synchronized Object compute(Object key, BiFunction<? super Object, ? super Object, ?> function) {
        version++;
        return map.compute(key, function);
    }

    @Override
    public synchronized Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> function) {
        version++;
        return map.merge(key, value, function);
    }

    /** {@code [version, present, value]} of {@code key}, for {@link #setIfUnchanged}. */
    public synchronized Object[] versioned(Object key) {
        return new Object[] {version, map.containsKey(key), map.get(key)};
    }

    /**
     * Sets {@code key} to {@code value} ({@code present}) or removes it, if nothing changed since
     * {@link #versioned} returned {@code version}; false, changing nothing, otherwise.
     */
    public synchronized boolean setIfUnchanged(Object key, long expectedVersion, boolean present, Object value) {
        if (version != expectedVersion) {
            return false;
        }
        version++;
        if (present) {
            map.put(key, value);
        } else {
            map.remove(key);
        }
        return true;
    }

    @Override
    public synchronized boolean equals(Object other) {
        return other == this || map.equals(other);
    }

    @Override
    public synchronized int hashCode() {
        return map.hashCode();
    }

    @Override
    public synchronized String toString() {
        return map.toString();
    }

    /** The thread context's dict lives in this JVM: a child JVM would get a copy, not the dict. */
    private Object writeReplace() {
        throw new NotTransferableException("a dict of the thread context's manager lives in this JVM only and"
                + " cannot go to a child process: make it with Multiprocessing.getContext().manager()", null);
    }
}
