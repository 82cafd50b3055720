package org.jmultiprocessing.internal.manager;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jmultiprocessing.NotTransferableException;

/**
 * A manager's list as its server (or the thread context) holds it: every method atomic (one monitor), the
 * functions of {@code removeIf}, {@code replaceAll} and {@code sort} included. Iterators and
 * {@code subList} are read-only snapshots.
 */
public final class SynchronizedList implements List<Object>, RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<Object> list = new ArrayList<>();

    @Override
    public synchronized int size() {
        return list.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return list.isEmpty();
    }

    @Override
    public synchronized boolean contains(Object o) {
        return list.contains(o);
    }

    /** A copy of the whole list, for iteration. */
    public synchronized ArrayList<Object> snapshot() {
        return new ArrayList<>(list);
    }

    @Override
    public Iterator<Object> iterator() {
        return Collections.unmodifiableList(snapshot()).iterator();
    }

    @Override
    public ListIterator<Object> listIterator() {
        return Collections.unmodifiableList(snapshot()).listIterator();
    }

    @Override
    public ListIterator<Object> listIterator(int index) {
        return Collections.unmodifiableList(snapshot()).listIterator(index);
    }

    @Override
    public synchronized List<Object> subList(int fromIndex, int toIndex) {
        return Collections.unmodifiableList(new ArrayList<>(list.subList(fromIndex, toIndex)));
    }

    @Override
    public void forEach(Consumer<? super Object> action) {
        snapshot().forEach(action);
    }

    @Override
    public synchronized Object[] toArray() {
        return list.toArray();
    }

    @Override
    public synchronized <T> T[] toArray(T[] a) {
        return list.toArray(a);
    }

    @Override
    public synchronized boolean add(Object e) {
        return list.add(e);
    }

    @Override
    public synchronized boolean remove(Object o) {
        return list.remove(o);
    }

    @Override
    public synchronized boolean containsAll(Collection<?> c) {
        return list.containsAll(c);
    }

    @Override
    public synchronized boolean addAll(Collection<?> c) {
        return list.addAll(c);
    }

    @Override
    public synchronized boolean addAll(int index, Collection<?> c) {
        return list.addAll(index, c);
    }

    @Override
    public synchronized boolean removeAll(Collection<?> c) {
        return list.removeAll(c);
    }

    @Override
    public synchronized boolean retainAll(Collection<?> c) {
        return list.retainAll(c);
    }

    @Override
    public synchronized boolean removeIf(Predicate<? super Object> filter) {
        return list.removeIf(filter);
    }

    @Override
    public synchronized void replaceAll(UnaryOperator<Object> operator) {
        list.replaceAll(operator);
    }

    @Override
    public synchronized void sort(Comparator<? super Object> c) {
        list.sort(c);
    }

    @Override
    public synchronized void clear() {
        list.clear();
    }

    @Override
    public synchronized Object get(int index) {
        return list.get(index);
    }

    @Override
    public synchronized Object set(int index, Object element) {
        return list.set(index, element);
    }

    @Override
    public synchronized void add(int index, Object element) {
        list.add(index, element);
    }

    @Override
    public synchronized Object remove(int index) {
        return list.remove(index);
    }

    @Override
    public synchronized int indexOf(Object o) {
        return list.indexOf(o);
    }

    @Override
    public synchronized int lastIndexOf(Object o) {
        return list.lastIndexOf(o);
    }

    @Override
    public synchronized boolean equals(Object other) {
        return other == this || list.equals(other);
    }

    @Override
    public synchronized int hashCode() {
        return list.hashCode();
    }

    @Override
    public synchronized String toString() {
        return list.toString();
    }

    /** The thread context's list lives in this JVM: a child JVM would get a copy, not the list. */
    private Object writeReplace() {
        throw new NotTransferableException("a list of the thread context's manager lives in this JVM only and"
                + " cannot go to a child process: make it with Multiprocessing.getContext().manager()", null);
    }
}
