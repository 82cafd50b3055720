package org.jmultiprocessing.internal.manager;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Object 0 of a manager's server: makes dicts and lists, and the objects of the types registered with
 * {@code manager.register(name, factory)} (Python's {@code BaseManager.register}).
 */
public final class ServedRoot {
    private final ManagerServer server;
    private final Map<String, Callable<?>> registered = new ConcurrentHashMap<>();

    ServedRoot(ManagerServer server) {
        this.server = server;
    }

    public ManagerServer.Held dict() {
        return new ManagerServer.Held(server.hold(new SynchronizedDict()));
    }

    public ManagerServer.Held list() {
        return new ManagerServer.Held(server.hold(new SynchronizedList()));
    }

    /** Registers (or registers again) {@code name}; {@code factory} runs here, in the server. */
    public void register(String name, Callable<?> factory) {
        registered.put(name, factory);
    }

    /** A new object of the type registered as {@code name}, checked to implement {@code interfaceName}. */
    public ManagerServer.Held create(String name, String interfaceName) throws Exception {
        Object made = Registrations.create(registered, name, Class.forName(interfaceName, false, server.loader()));
        return new ManagerServer.Held(server.hold(made));
    }
}
