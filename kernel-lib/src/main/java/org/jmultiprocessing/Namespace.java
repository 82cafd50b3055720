package org.jmultiprocessing;

import java.io.Serializable;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Python's {@code manager.Namespace()}: named attributes shared through a {@link Manager}, read and written
 * as {@code ns.get("x")} and {@code ns.set("x", 1)} where Python writes {@code ns.x} and {@code ns.x = 1}.
 * Each call is one atomic step on the manager; {@code ns.set("x", ns.get("x") + 1)} is two, and loses
 * updates between processes as in Python: use {@link #update} for a read-modify-write.
 */
public final class Namespace implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> attributes;

    Namespace(Map<String, Object> attributes) {
        this.attributes = attributes;
    }

    /**
     * The attribute's value (Python's {@code ns.name}).
     *
     * @throws NoSuchElementException if it was never set (Python's {@code AttributeError})
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        Objects.requireNonNull(name, "name");
        Object value = attributes.getOrDefault(name, Absent.ATTRIBUTE);
        if (value == Absent.ATTRIBUTE) {
            throw new NoSuchElementException("'Namespace' object has no attribute '" + name + "': set it first with"
                    + " ns.set(\"" + name + "\", value)");
        }
        return (T) value;
    }

    /** Sets the attribute (Python's {@code ns.name = value}). */
    public void set(String name, Object value) {
        attributes.put(Objects.requireNonNull(name, "name"), value);
    }

    /** Whether the attribute is set (Python's {@code hasattr(ns, name)}). */
    public boolean has(String name) {
        return attributes.containsKey(Objects.requireNonNull(name, "name"));
    }

    /** Removes the attribute (Python's {@code del ns.name}); false if it was not set. */
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        boolean present = attributes.containsKey(name);
        attributes.remove(name);
        return present;
    }

    /**
     * Sets the attribute to {@code function(value)} in one atomic step of the manager (the function runs there
     * when it is serializable, as {@link Func} is), and returns the new value.
     *
     * @throws NoSuchElementException if it was never set
     */
    @SuppressWarnings("unchecked")
    public <T> T update(String name, Func<T, T> function) {
        Objects.requireNonNull(function, "function");
        Object updated = attributes.computeIfPresent(Objects.requireNonNull(name, "name"), new Apply<>(function));
        if (updated == null) {
            throw new NoSuchElementException("'Namespace' object has no attribute '" + name + "' (or it is null):"
                    + " set it first with ns.set(\"" + name + "\", value)");
        }
        return (T) updated;
    }

    /** The function of {@link #update} as the map's remapping function; serializable, so it runs on the server. */
    private record Apply<T>(Func<T, T> function) implements java.util.function.BiFunction<String, Object, Object>, Serializable {
        @Override
        @SuppressWarnings("unchecked")
        public Object apply(String name, Object value) {
            try {
                return function.apply((T) value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the update of '" + name + "' threw " + e, e);
            }
        }
    }

    /** What {@link #get} reads for an attribute never set: one call, so a concurrent delete cannot come between. */
    private enum Absent {
        ATTRIBUTE
    }

    /** Python's repr: {@code Namespace(x=1, y='a')}. */
    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner(", ", "Namespace(", ")");
        attributes.forEach((name, value) -> joined.add(name + "=" + (value instanceof String s ? "'" + s + "'" : value)));
        return joined.toString();
    }
}
