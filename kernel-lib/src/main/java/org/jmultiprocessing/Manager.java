package org.jmultiprocessing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jmultiprocessing.spi.ManagerImpl;

/**
 * Python's {@code multiprocessing.Manager()}: a server that holds shared objects and hands out proxies to
 * them. A proxy can be passed to a {@link Process} or a {@link Pool} task (it reconnects from there, as
 * Python's do), stored in another proxy (a list in a dict), and every call on it runs in the server, so all
 * holders see one object. Make one with {@link Context#manager()} or {@link #Manager()} and close it
 * (try-with-resources), or call {@link #shutdown()}.
 *
 * <pre>{@code
 * try (var manager = new Manager()) {
 *     Map<String, Integer> counts = manager.dict();
 *     var p = new Process((Map<String, Integer> d) -> d.merge("hits", 1, Integer::sum), counts);
 *     p.start(); p.join();
 *     counts.get("hits");                                  // 1
 * }
 * }</pre>
 *
 * <p><b>What is atomic.</b> Every single call on a proxy is one atomic step on the server: {@code get},
 * {@code put}, {@code putIfAbsent}, {@code remove}, {@code add}, {@code size}, ... A dict's
 * {@code computeIfAbsent}, {@code computeIfPresent}, {@code compute} and {@code merge} are atomic too: a
 * {@code Serializable} function (a {@link Func}-typed lambda, or one cast to {@code (BiFunction<...> &
 * Serializable)}) travels to the server and runs there once, under the dict's lock; a plain lambda runs in
 * the caller, and its result is written only if the dict did not change since the value was read, else it is
 * applied again (so it may run more than once, as under {@code ConcurrentMap}). A list's {@code removeIf},
 * {@code replaceAll} and {@code sort} run on the server and need a {@code Serializable} function. Two calls
 * are two steps: {@code d.put(k, d.get(k) + 1)} loses updates between processes, as in Python. Iteration,
 * streams, {@code forEach}, {@code keySet()}, {@code values()}, {@code entrySet()} and {@code subList} work on
 * a read-only snapshot taken in one call.
 *
 * <p>The server is a child process of the one that made the manager (a daemon: it ends with its owner); the
 * objects are shared by the server's threads, one per client thread. Once it is gone (shut down, killed),
 * every call on a proxy, a waiting one included, fails at once with a
 * {@link org.jmultiprocessing.spi.PeerGoneException}. Connections are authenticated with the session's key, as
 * a {@link Pool}'s are. Of the thread context ({@code Multiprocessing.getContext("thread").manager()}, Python's
 * {@code multiprocessing.dummy}), the objects are this JVM's own with the same API and the same atomicity;
 * they cannot go to a child JVM.
 */
public final class Manager implements AutoCloseable {
    private final ManagerImpl impl;
    private volatile Context objects;

    /** A manager on the default context, as Python's {@code multiprocessing.Manager()}. */
    public Manager() {
        this(Context.defaultContext().backend().managers().start());
    }

    Manager(ManagerImpl impl) {
        this.impl = Objects.requireNonNull(impl, "impl");
    }

    /** A new shared dict (Python's {@code manager.dict()}), as a {@link Map}, insertion-ordered. */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> dict() {
        checkRunning();
        return (Map<K, V>) (Map<?, ?>) impl.dict();
    }

    /** A new shared dict holding {@code contents} (Python's {@code manager.dict(contents)}). */
    public <K, V> Map<K, V> dict(Map<? extends K, ? extends V> contents) {
        Objects.requireNonNull(contents, "contents");
        Map<K, V> dict = dict();
        dict.putAll(contents);
        return dict;
    }

    /** A new shared list (Python's {@code manager.list()}), as a {@link List}. */
    @SuppressWarnings("unchecked")
    public <E> List<E> list() {
        checkRunning();
        return (List<E>) (List<?>) impl.list();
    }

    /** A new shared list holding {@code contents} (Python's {@code manager.list(contents)}). */
    public <E> List<E> list(java.util.Collection<? extends E> contents) {
        Objects.requireNonNull(contents, "contents");
        List<E> list = list();
        list.addAll(contents);
        return list;
    }

    /** A new shared namespace (Python's {@code manager.Namespace()}). */
    public Namespace namespace() {
        return new Namespace(dict());
    }

    /** Shared values held by the manager (Python's {@code manager.Value('i', 0)}): {@code manager.value().ofInt(0)}. */
    public Value.Factory value() {
        return objects().value();
    }

    /** Shared arrays held by the manager (Python's {@code manager.Array('d', 10)}): {@code manager.array().ofDoubles(10)}. */
    public Array.Factory array() {
        return objects().array();
    }

    /** A queue held by the manager (Python's {@code manager.Queue()}). */
    public <T> Queue<T> queue() {
        return objects().queue();
    }

    /** A queue of at most {@code maxsize} items ({@code <= 0}: unbounded), held by the manager. */
    public <T> Queue<T> queue(int maxsize) {
        return objects().queue(maxsize);
    }

    /** A joinable queue held by the manager (Python's {@code manager.JoinableQueue()}). */
    public <T> JoinableQueue<T> joinableQueue() {
        return objects().joinableQueue();
    }

    /** Python's {@code manager.Lock()}: any thread of any process may release it. */
    public Lock lock() {
        return objects().lock();
    }

    /** Python's {@code manager.RLock()}: released only by the thread that holds it. */
    public RLock rlock() {
        return objects().rlock();
    }

    /** Python's {@code manager.Semaphore(value)}. */
    public Semaphore semaphore(int value) {
        return objects().semaphore(value);
    }

    /** Python's {@code manager.BoundedSemaphore(value)}. */
    public BoundedSemaphore boundedSemaphore(int value) {
        return objects().boundedSemaphore(value);
    }

    /** Python's {@code manager.Event()}. */
    public Event event() {
        return objects().event();
    }

    /** Python's {@code manager.Condition()}, over a new {@link #rlock()} of the manager. */
    public Condition condition() {
        return objects().condition();
    }

    /** Python's {@code manager.Condition(lock)}, over a lock of this manager. */
    public Condition condition(Lock lock) {
        return objects().condition(lock);
    }

    /** Python's {@code manager.Condition(lock)}, over an rlock of this manager. */
    public Condition condition(RLock lock) {
        return objects().condition(lock);
    }

    /** Python's {@code manager.Barrier(parties)} (without an action: it would have to run in the server). */
    public Barrier barrier(int parties) {
        return objects().barrier(parties);
    }

    /**
     * Registers a shared type of the user's (Python's {@code BaseManager.register(name, callable)}):
     * {@code factory} runs in the server each time {@link #create} asks for a new object. It may be a lambda
     * or constructor reference of a class defined in a notebook cell ({@code Counter::new}); the class's
     * methods are called by several threads of the server at once, so make them thread-safe, as in Python.
     */
    public void register(String name, Func0<?> factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        checkRunning();
        impl.register(name, factory);
    }

    /**
     * A new object of the type registered as {@code name}, held by the manager, through a proxy implementing
     * {@code type}: an interface that the object's class implements, whose every method call runs in the
     * server (Python's {@code manager.Name()}). The proxy can be passed to processes and pool tasks.
     *
     * @throws IllegalArgumentException if {@code type} is not an interface, nothing is registered as
     *                                  {@code name}, or the object made does not implement {@code type}
     */
    public <T> T create(String name, Class<T> type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface: a proxy implements an"
                    + " interface, so declare one with the methods to call and let the registered class implement it");
        }
        checkRunning();
        return impl.create(name, type);
    }

    /** Whether the server still serves (Python's {@code manager._state}). */
    public boolean isRunning() {
        return impl.isRunning();
    }

    /** Stops the server; proxies fail from then on. Idempotent. */
    public void shutdown() {
        impl.shutdown();
    }

    /** {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    private Context objects() {
        checkRunning();
        Context made = objects;
        if (made == null) {
            made = Context.of(impl.objects());
            objects = made;
        }
        return made;
    }

    private void checkRunning() {
        if (!impl.isRunning()) {
            throw new IllegalStateException("the manager has been shut down: make a new one with ctx.manager()");
        }
    }
}
