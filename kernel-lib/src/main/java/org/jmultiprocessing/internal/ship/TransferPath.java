package org.jmultiprocessing.internal.ship;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, for an error message, the first value in an object graph that Java serialization rejects and how it
 * is reached: {@code argument 1 -> captured value 1 -> field 'lock' (java.lang.Thread) is not Serializable}.
 * Java's own {@code NotSerializableException} names only the class.
 */
public final class TransferPath {
    private static final int MAX_DEPTH = 32;

    private TransferPath() {
    }

    /** The path to the first unserializable value among the labelled roots, or {@code null} if none is found. */
    public static String find(Map<String, Object> labelledRoots) {
        Map<Object, Boolean> visited = new IdentityHashMap<>();
        for (Map.Entry<String, Object> root : labelledRoots.entrySet()) {
            String path = search(root.getValue(), root.getKey(), visited, 0);
            if (path != null) {
                return path;
            }
        }
        return null;
    }

    private static String search(Object value, String path, Map<Object, Boolean> visited, int depth) {
        if (value == null || depth > MAX_DEPTH || visited.put(value, Boolean.TRUE) != null) {
            return null;
        }
        Class<?> type = value.getClass();
        if (!(value instanceof Serializable)) {
            if (isLambda(type)) {
                return path + " (a lambda whose functional interface is not Serializable) is not Serializable:"
                        + " use a Serializable interface such as org.jmultiprocessing.Target";
            }
            return path + " (" + type.getName() + ") is not Serializable";
        }
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    String found = search(Array.get(value, i), path + " -> element " + i, visited, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : new ArrayList<>(collection)) {
                String found = search(element, path + " -> element " + i++, visited, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : List.copyOf(map.entrySet())) {
                String found = search(e.getKey(), path + " -> key " + e.getKey(), visited, depth + 1);
                if (found == null) {
                    found = search(e.getValue(), path + " -> value of key " + e.getKey(), visited, depth + 1);
                }
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        for (Class<?> c = type; c != null && Serializable.class.isAssignableFrom(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int mods = field.getModifiers();
                if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || field.getType().isPrimitive()) {
                    continue;
                }
                Object fieldValue;
                try {
                    field.setAccessible(true);
                    fieldValue = field.get(value);
                } catch (RuntimeException | IllegalAccessException e) {
                    continue; // A platform class's internals: trust its own serialization.
                }
                String label = isLambda(type) && field.getName().startsWith("arg$")
                        ? "captured value " + field.getName().substring(4)
                        : "field '" + field.getName() + "'";
                String found = search(fieldValue, path + " -> " + label, visited, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isLambda(Class<?> type) {
        return type.isSynthetic() && type.getName().contains("$$Lambda");
    }
}
