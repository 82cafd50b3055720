package org.jmultiprocessing.internal.manager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.MessageChannel;
import org.jmultiprocessing.spi.ship.Receiver;
import org.jmultiprocessing.spi.ship.Shipment;

/**
 * The manager's server (Python's {@code multiprocessing.managers.Server}), run in a child JVM of its own:
 * it holds the objects and runs every call on them, one thread per client connection. Objects of the
 * backend's kinds (locks, queues, values, ...) are the thread backend's, shared by the server's threads; a
 * method of an {@code org.jmultiprocessing.spi} type that returns another (a value's lock) hands out that
 * object too. Object 0 is the {@link ServedRoot}; 1 to 4 are the backend's factories.
 */
public final class ManagerServer {
    static final long ROOT = 0;
    static final long LOCKS = 1;
    static final long SIGNALS = 2;
    static final long CELLS = 3;
    static final long CHANNELS = 4;

    private final Path address;
    private final byte[] key;
    private final ServerSocketChannel listening;
    private final Map<Long, Object> objects = new ConcurrentHashMap<>();
    private final Map<Object, Long> numbers = new IdentityHashMap<>();
    private final AtomicLong nextNumber = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<String> classpath = new LinkedHashSet<>();
    private volatile Receiver receiver = new Receiver(List.of(), ManagerServer.class.getClassLoader());
    private volatile boolean stopping;

    private ManagerServer(Path address, Backend local) throws IOException {
        this.address = address;
        this.key = Session.current().authKey();
        hold(new ServedRoot(this));
        hold(local.locks());
        hold(local.signals());
        hold(local.cells());
        hold(local.channels());
        this.listening = listen(address);
    }

    /** Serves at {@code address} until a client asks it to stop; objects of the backend's kinds come from {@code local}. */
    public static void serve(Path address, Backend local) throws IOException {
        ManagerServer server = new ManagerServer(address, local);
        try {
            server.acceptUntilStopped();
        } finally {
            server.listening.close();
            Files.deleteIfExists(address);
        }
    }

    /** The socket file appears, mode 0600, only once it listens: a client that sees it can connect. */
    private static ServerSocketChannel listen(Path address) throws IOException {
        Path binding = address.resolveSibling("binding-" + address.getFileName());
        ServerSocketChannel opened = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            opened.bind(UnixDomainSocketAddress.of(binding));
            Files.setPosixFilePermissions(binding, PosixFilePermissions.fromString("rw-------"));
            Files.move(binding, address, StandardCopyOption.ATOMIC_MOVE);
            return opened;
        } catch (IOException | RuntimeException e) {
            opened.close();
            Files.deleteIfExists(binding);
            throw e;
        }
    }

    private void acceptUntilStopped() throws IOException {
        while (!stopping) {
            SocketChannel connection;
            try {
                connection = listening.accept();
            } catch (IOException e) {
                if (stopping) {
                    return;
                }
                throw e;
            }
            Thread serving = new Thread(() -> serve(connection), "manager-connection-" + connections.incrementAndGet());
            serving.setDaemon(true);
            serving.start();
        }
    }

    /** Number of {@code object}, holding it from now on; the same object keeps its number. */
    long hold(Object object) {
        synchronized (numbers) {
            Long known = numbers.get(object);
            if (known != null) {
                return known;
            }
            long number = nextNumber.getAndIncrement();
            numbers.put(object, number);
            objects.put(number, object);
            return number;
        }
    }

    String address() {
        return address.toString();
    }

    ClassLoader loader() {
        return receiver.loader();
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(connection)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(connection)));
            if (!Wire.challenge(in, out, key) || !Wire.answer(in, out, key)) {
                return; // A party without the key: nothing of it is read.
            }
            Thread.currentThread().setContextClassLoader(receiver.loader());
            while (true) {
                byte[] request;
                try {
                    request = Wire.readFrame(in);
                } catch (EOFException closed) {
                    return;
                }
                DataInputStream call = new DataInputStream(new ByteArrayInputStream(request));
                if (call.readUnsignedByte() == Wire.SHUTDOWN) {
                    stopping = true;
                    Wire.writeFrame(out, new byte[] {Wire.RETURNED});
                    out.flush();
                    listening.close();
                    return;
                }
                Wire.writeFrame(out, answer(call));
                out.flush();
            }
        } catch (IOException e) {
            // The client went away; what it held stays for the others.
        }
    }

    private byte[] answer(DataInputStream call) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream reply = new DataOutputStream(bytes);
        try {
            long id = call.readLong();
            String name = call.readUTF();
            String[] typeNames = new String[call.readInt()];
            for (int i = 0; i < typeNames.length; i++) {
                typeNames[i] = call.readUTF();
            }
            Object[] args = (Object[]) open(Wire.readFrame(call));
            Object result = invoke(id, name, typeNames, args);
            if (result == MessageChannel.NOTHING) {
                reply.writeByte(Wire.NOTHING);
            } else if (result instanceof Held held) {
                reply.writeByte(Wire.HELD);
                reply.writeLong(held.number());
            } else {
                byte[] value = MessageCodec.serialize(result);
                reply.writeByte(Wire.RETURNED);
                Wire.writeFrame(reply, value);
            }
        } catch (Throwable thrown) {
            bytes.reset();
            reply.writeByte(Wire.THREW);
            Wire.writeFrame(reply, serializedThrowable(thrown));
        }
        reply.flush();
        return bytes.toByteArray();
    }

    /** An object the server holds, as a result: the client gets a proxy of it. */
    record Held(long number) {
    }

    private Object open(byte[] shipped) throws IOException, ClassNotFoundException {
        Shipment shipment = Shipment.fromBytes(shipped);
        Receiver current;
        synchronized (this) {
            if (!classpath.containsAll(shipment.classpath())) {
                // Jars added to the notebook since: a loader over all of them. Objects made before keep their
                // classes; cell classes are defined again in it.
                classpath.addAll(shipment.classpath());
                receiver = new Receiver(List.copyOf(classpath), ManagerServer.class.getClassLoader());
            }
            current = receiver;
        }
        Thread.currentThread().setContextClassLoader(current.loader());
        return current.open(shipment);
    }

    private Object invoke(long id, String name, String[] typeNames, Object[] args) throws Throwable {
        Object target = objects.get(id);
        if (target == null) {
            throw new IllegalArgumentException("the manager holds no object " + id);
        }
        Class<?>[] types = new Class<?>[typeNames.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = typeOf(typeNames[i]);
        }
        Method method = methodOf(target.getClass(), name, types);
        for (int i = 0; i < args.length; i++) {
            args[i] = heldObject(args[i]);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        Class<?> returned = method.getReturnType();
        if (result != null && returned.isInterface() && returned.getName().startsWith("org.jmultiprocessing.spi.")) {
            return new Held(hold(result));
        }
        return result;
    }

    /** A proxy of an object of this server, as an argument (a condition's lock): the object itself. */
    private Object heldObject(Object arg) {
        if (arg != null && Proxy.isProxyClass(arg.getClass()) && Proxy.getInvocationHandler(arg) instanceof RemoteObject remote
                && remote.ref().address().equals(address())) {
            Object held = objects.get(remote.ref().id());
            if (held != null && !(held instanceof java.util.Map) && !(held instanceof java.util.List)) {
                return held;
            }
        }
        return arg;
    }

    private Class<?> typeOf(String name) throws ClassNotFoundException {
        switch (name) {
            case "int": return int.class;
            case "long": return long.class;
            case "double": return double.class;
            case "float": return float.class;
            case "boolean": return boolean.class;
            case "byte": return byte.class;
            case "char": return char.class;
            case "short": return short.class;
            default: return Class.forName(name, false, receiver.loader());
        }
    }

    private static Method methodOf(Class<?> type, String name, Class<?>[] types) throws NoSuchMethodException {
        Method method = type.getMethod(name, types);
        // The thread backend's classes are not public, their interfaces are: call through the interface's method.
        method.setAccessible(true);
        return method;
    }

    private static byte[] serializedThrowable(Throwable thrown) {
        try {
            return MessageCodec.serialize(thrown);
        } catch (RuntimeException notSerializable) {
            IllegalStateException plain = new IllegalStateException(thrown.toString());
            plain.setStackTrace(thrown.getStackTrace());
            return MessageCodec.serialize(plain);
        }
    }
}
