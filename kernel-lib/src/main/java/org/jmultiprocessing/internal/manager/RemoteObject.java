package org.jmultiprocessing.internal.manager;

import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.jmultiprocessing.NotTransferableException;
import org.jmultiprocessing.spi.Rebuild;

/**
 * The proxy side of one object a manager's server holds (Python's {@code BaseProxy}): a dynamic proxy of the
 * object's interface whose every call runs on the server, through the calling thread's connection. It is
 * serializable: a copy in another process of the session reconnects to the same server.
 *
 * <p>For a {@code Map} or a {@code List}, iteration, streams and {@code forEach} go over a snapshot taken in
 * one call. The functions of {@code compute}, {@code computeIfAbsent}, {@code computeIfPresent} and
 * {@code merge} run on the server when they are {@code Serializable}; one that is not (a plain lambda) runs
 * here, and the result is written only if the dict did not change since it was read, else read and applied
 * again: atomic all the same, though the function may run more than once, as under
 * {@link java.util.concurrent.ConcurrentMap}. An SPI object's {@code close()} ends this instance's use only.
 */
final class RemoteObject implements InvocationHandler, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Class<?>[] VERSIONED = {Object.class};
    private static final Class<?>[] SET_IF_UNCHANGED = {Object.class, long.class, boolean.class, Object.class};

    private final ObjectRef ref;
    private final Class<?> type;
    private transient volatile boolean closed;

    private RemoteObject(ObjectRef ref, Class<?> type) {
        this.ref = ref;
        this.type = type;
    }

    /** A proxy of {@code type} for object {@code ref}. */
    static <T> T proxy(ObjectRef ref, Class<T> type) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : RemoteObject.class.getClassLoader();
        return type.cast(Proxy.newProxyInstance(loader, new Class<?>[] {type}, new RemoteObject(ref, type)));
    }

    ObjectRef ref() {
        return ref;
    }

    private boolean isCollection() {
        return type == Map.class || type == List.class;
    }

    private boolean isSpi() {
        return type.getName().startsWith("org.jmultiprocessing.spi.");
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] given) throws Throwable {
        Object[] args = given == null ? new Object[0] : given;
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            if (name.equals("equals") && (args[0] == proxy || sameObject(args[0]))) {
                return true;
            }
            if (!isCollection() && !name.equals("toString")) {
                return name.equals("hashCode") ? ref.hashCode() : false;
            }
        }
        if (isSpi()) {
            switch (name) {
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed;
                case "path":
                    throw new UnsupportedOperationException("a manager's object has no file: it lives in the manager's"
                            + " server process");
                case "transit":
                    @SuppressWarnings("unchecked")
                    Rebuild<Object> rebuild = (Rebuild<Object>) args[0];
                    return new Transit(ref, type, rebuild);
                case "state":
                    if (closed) {
                        return "closed";
                    }
                    break;
                default:
                    if (closed) {
                        throw new IllegalStateException(type.getSimpleName() + " of a manager is closed in this instance"
                                + " (close() was called)");
                    }
            }
        }
        if (isCollection()) {
            Object local = onSnapshot(name, args);
            if (local != NOT_LOCAL) {
                return local;
            }
            if (type == Map.class && args.length >= 2 && !(args[args.length - 1] instanceof Serializable)
                    && (name.equals("compute") || name.equals("computeIfAbsent") || name.equals("computeIfPresent")
                    || name.equals("merge"))) {
                return updated(name, args);
            }
        }
        checkFunctions(method, args);
        ServerConnection.Reply reply = ServerConnection.of(ref.address()).call(ref.id(), name, method.getParameterTypes(), args);
        if (reply.held() != null) {
            return proxy(new ObjectRef(ref.address(), reply.held()), method.getReturnType());
        }
        return reply.value();
    }

    private boolean sameObject(Object other) {
        return other != null && Proxy.isProxyClass(other.getClass())
                && Proxy.getInvocationHandler(other) instanceof RemoteObject remote && remote.ref.equals(ref);
    }

    private static final Object NOT_LOCAL = new Object();

    /** What a collection answers from a snapshot; {@link #NOT_LOCAL} for a call that goes to the server. */
    @SuppressWarnings("unchecked")
    private Object onSnapshot(String name, Object[] args) {
        switch (name) {
            case "iterator":
            case "spliterator":
            case "stream":
            case "parallelStream":
            case "listIterator": {
                List<Object> copy = Collections.unmodifiableList((List<Object>) remote("snapshot"));
                switch (name) {
                    case "iterator": return copy.iterator();
                    case "spliterator": return copy.spliterator();
                    case "stream": return copy.stream();
                    case "parallelStream": return copy.parallelStream();
                    default: return args.length == 0 ? copy.listIterator() : copy.listIterator((Integer) args[0]);
                }
            }
            case "forEach":
                if (type == Map.class) {
                    ((Map<Object, Object>) remote("snapshot")).forEach((BiConsumer<Object, Object>) args[0]);
                } else {
                    ((List<Object>) remote("snapshot")).forEach((Consumer<Object>) args[0]);
                }
                return null;
            case "toArray":
                if (args.length == 1 && args[0] instanceof IntFunction<?> generator) {
                    return ((Collection<Object>) remote("snapshot")).toArray((IntFunction<Object[]>) generator);
                }
                return NOT_LOCAL;
            default:
                return NOT_LOCAL;
        }
    }

    private Object remote(String method) {
        return ServerConnection.of(ref.address()).call(ref.id(), method, new Class<?>[0], new Object[0]).value();
    }

    /** A dict's update with a function that cannot travel: applied here, written if nothing changed meanwhile. */
    @SuppressWarnings("unchecked")
    private Object updated(String name, Object[] args) {
        Object key = args[0];
        if (name.equals("merge")) {
            Objects.requireNonNull(args[1], "value");
        }
        ServerConnection connection = ServerConnection.of(ref.address());
        while (true) {
            Object[] state = (Object[]) connection.call(ref.id(), "versioned", VERSIONED, new Object[] {key}).value();
            long version = (Long) state[0];
            boolean present = (Boolean) state[1];
            Object old = state[2];
            Object next;
            switch (name) {
                case "computeIfAbsent":
                    if (old != null) {
                        return old;
                    }
                    next = ((Function<Object, Object>) args[1]).apply(key);
                    if (next == null) {
                        return null;
                    }
                    break;
                case "computeIfPresent":
                    if (old == null) {
                        return null;
                    }
                    next = ((BiFunction<Object, Object, Object>) args[1]).apply(key, old);
                    break;
                case "compute":
                    next = ((BiFunction<Object, Object, Object>) args[1]).apply(key, old);
                    if (next == null && !present) {
                        return null;
                    }
                    break;
                default: // merge
                    next = old == null ? args[1] : ((BiFunction<Object, Object, Object>) args[2]).apply(old, args[1]);
                    break;
            }
            Object[] write = {key, version, next != null, next};
            if ((Boolean) connection.call(ref.id(), "setIfUnchanged", SET_IF_UNCHANGED, write).value()) {
                return next;
            }
            connection = ServerConnection.of(ref.address());
        }
    }

    /** A function that runs on the server must travel there: say how, rather than "not Serializable". */
    private static void checkFunctions(Method method, Object[] args) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            Class<?> t = types[i];
            boolean functional = t.getName().startsWith("java.util.function.") || t == java.util.Comparator.class;
            if (functional && args[i] != null && !(args[i] instanceof Serializable)) {
                throw new NotTransferableException("the function passed to " + method.getName() + " runs in the"
                        + " manager's server, so it must be Serializable: cast it, e.g. ("
                        + t.getSimpleName() + "<...> & java.io.Serializable) x -> ...", null);
            }
        }
    }

    /** How an SPI object of a manager travels: as its reference, made into a proxy again where it arrives. */
    private record Transit(ObjectRef ref, Class<?> type, Rebuild<Object> rebuild) implements Serializable {
        private Object readResolve() {
            return rebuild.around(proxy(ref, type));
        }
    }
}
