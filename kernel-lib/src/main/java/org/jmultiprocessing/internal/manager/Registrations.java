package org.jmultiprocessing.internal.manager;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** The checks of {@code manager.create(name, type)}, the same for the server and the thread context. */
final class Registrations {
    private Registrations() {
    }

    static Object create(Map<String, Callable<?>> registered, String name, Class<?> type) throws Exception {
        Callable<?> factory = registered.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("no type is registered as \"" + name + "\" with this manager: call"
                    + " manager.register(\"" + name + "\", factory) first (registered: " + new TreeSet<>(registered.keySet()) + ")");
        }
        Object made = factory.call();
        if (!type.isInstance(made)) {
            throw new IllegalArgumentException("the factory registered as \"" + name + "\" made a "
                    + (made == null ? "null" : made.getClass().getName()) + ", which does not implement "
                    + type.getName() + ": return an object of a class that implements it");
        }
        return made;
    }
}
