package org.jmultiprocessing.internal.manager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.ManagerImpl;

/**
 * The thread context's manager (Python's {@code multiprocessing.dummy.Manager}): the objects themselves, in
 * this JVM, with the same API as a server's proxies: the same dict and list classes as a server holds
 * (every method atomic), the backend's own locks, queues and values, and registered objects as they are made.
 */
public final class LocalManager implements ManagerImpl {
    private final Backend objects;
    private final Map<String, Callable<?>> registered = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** @param objects the backend whose locks, queues, values... this manager hands out */
    public LocalManager(Backend objects) {
        this.objects = objects;
    }

    @Override
    public Map<Object, Object> dict() {
        return new SynchronizedDict();
    }

    @Override
    public List<Object> list() {
        return new SynchronizedList();
    }

    @Override
    public Backend objects() {
        return objects;
    }

    @Override
    public void register(String name, Callable<?> factory) {
        registered.put(name, factory);
    }

    @Override
    public <T> T create(String name, Class<T> type) {
        try {
            return type.cast(Registrations.create(registered, name, type));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the factory registered as \"" + name + "\" threw " + e, e);
        }
    }

    @Override
    public void shutdown() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
