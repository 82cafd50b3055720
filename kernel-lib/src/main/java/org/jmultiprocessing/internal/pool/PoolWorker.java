package org.jmultiprocessing.internal.pool;

import org.jmultiprocessing.internal.codec.MessageReader;
import org.jmultiprocessing.internal.codec.MessageWriter;
import org.jmultiprocessing.internal.codec.ValueCodec;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.internal.runtime.StartPhases;
import org.jmultiprocessing.internal.ship.PlainShipment;
import org.jmultiprocessing.internal.ship.ShippedClassLoader;
import org.jmultiprocessing.internal.ship.TransferPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jmultiprocessing.Func;
import org.jmultiprocessing.Func2;
import org.jmultiprocessing.Func3;
import org.jmultiprocessing.RemoteTraceback;
import org.jmultiprocessing.Target;

/**
 * The target of a pool's worker processes (Python's {@code multiprocessing.pool.worker}): runs the
 * initializer, connects back to the pool's socket, then runs chunks of tasks until told to stop or until the
 * pool goes away.
 */
public final class PoolWorker {
    private boolean retiring;

    private PoolWorker() {
    }

    /**
     * A worker process's target. A static method with plain arguments (a pool without an initializer), so
     * that a cold worker receives it in the compact form of {@link PlainShipment}.
     */
    public static void work(String socketPath, Target initializer) throws Exception {
        Internals.becomePoolWorker();
        if (initializer != null) {
            // A failure ends this worker with its traceback on stderr; the pool reports it to the caller.
            initializer.run();
        }
        ShippedClassLoader loader = (ShippedClassLoader) Thread.currentThread().getContextClassLoader();
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        try (PoolChannel channel = new PoolChannel(socket)) {
            socket.connect(UnixDomainSocketAddress.of(socketPath));
            channel.authenticatePool(Session.current().authKey());
            StartPhases.mark("connected");
            new PoolWorker().serve(channel, loader);
        }
    }

    private void serve(PoolChannel channel, ShippedClassLoader loader) throws IOException {
        Object function = null;
        while (true) {
            MessageReader request;
            try {
                request = channel.receive();
            } catch (IOException e) {
                return; // The pool closed the connection: it terminated or went away.
            }
            if (function == null) {
                StartPhases.mark("first-request");
            }
            if (request.getByte() == PoolProtocol.STOP) {
                return;
            }
            boolean starred = request.getByte() != 0;
            Object[] items;
            try {
                loader.add(request.getClasses());
                if (request.getByte() != 0) {
                    function = null;
                    loader.restoreVariables(request.getBytes());
                    function = loader.deserialize(request.getBytes());
                }
                if (function == null) {
                    throw new IOException("the pool sent a chunk without a function (kernel-lib versions differ?)");
                }
                items = ValueCodec.read(request, loader::deserialize);
            } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
                channel.send(failure(PoolProtocol.NOT_RECEIVED, false, e, "could not receive the task: " + e));
                continue;
            }
            channel.send(runChunk(function, starred, items));
            if (retiring) {
                return;
            }
        }
    }

    private MessageWriter runChunk(Object function, boolean starred, Object[] items) {
        Object[] results = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                results[i] = call(function, starred, items[i]);
            } catch (Throwable t) {
                // After an OutOfMemoryError or StackOverflowError this JVM may be unsound: report, then retire.
                retiring = t instanceof VirtualMachineError;
                return failure(PoolProtocol.RAISED, retiring, t, t.toString());
            }
        }
        MessageWriter reply = new MessageWriter(64 + results.length * 8).putByte(PoolProtocol.RESULTS);
        if (ValueCodec.writePacked(reply, results)) {
            return reply;
        }
        try {
            ValueCodec.writeSerialized(reply, serialize(results));
            return reply;
        } catch (IOException | RuntimeException e) {
            String where = TransferPath.find(Map.of("the result", (Object) Arrays.asList(results)));
            String description = where != null ? where : e.toString();
            return failure(PoolProtocol.RESULT_NOT_TRANSFERABLE, false, e, description);
        }
    }

    /** Calls a pool's function on one item: the argument itself, or for a starred call the array of arguments. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object call(Object function, boolean starred, Object item) throws Exception {
        if (!starred) {
            return ((Func) function).apply(item);
        }
        Object[] args = (Object[]) item;
        if (function instanceof Callable c) {
            return c.call();
        } else if (function instanceof Runnable r) {
            r.run();
            return null;
        } else if (function instanceof Func f) {
            return f.apply(args[0]);
        } else if (function instanceof Func2 f) {
            return f.apply(args[0], args[1]);
        } else {
            return ((Func3) function).apply(args[0], args[1], args[2]);
        }
    }

    /**
     * Describes a failure. The exception goes back with a {@link RemoteTraceback} holding the worker's frames
     * as its cause, so that the caller can rethrow it with its own stack trace and keep the remote one, as
     * Python does. The traceback also travels on its own, for when the exception cannot.
     */
    private static MessageWriter failure(int kind, boolean workerExits, Throwable t, String description) {
        String where = "in worker " + Internals.processName() + " (pid " + Internals.pid() + ")";
        StackTraceElement[] frames = userFrames(t.getStackTrace());
        byte[] traceback;
        try {
            traceback = serialize(new RemoteTraceback(where, frames));
        } catch (IOException e) {
            throw new IllegalStateException("a RemoteTraceback is always serializable", e);
        }
        byte[] exception = new byte[0];
        if (kind == PoolProtocol.RAISED) {
            RemoteTraceback remote = new RemoteTraceback(where, frames);
            try {
                exception = serializeWithRemoteCause(t, remote);
            } catch (IOException | RuntimeException e) {
                description = description + " (the exception itself cannot be sent back: " + e + ")";
            }
        }
        return new MessageWriter(traceback.length + exception.length + 256).putByte(PoolProtocol.FAILED)
                .putByte(kind).putByte(workerExits ? 1 : 0).putString(description)
                .putBytes(traceback).putBytes(exception);
    }

    private static byte[] serializeWithRemoteCause(Throwable t, RemoteTraceback remote) throws IOException {
        if (t.getCause() == null) {
            try {
                t.initCause(remote);
            } catch (IllegalStateException e) {
                // The exception fixed its cause as null: the pool attaches the traceback as suppressed.
            }
        }
        // An exception with a cause keeps it; the pool attaches the traceback as suppressed (Java cannot
        // replace a cause, which Python does).
        return serialize(t);
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new NotSerializableException(e.getMessage() + " is not Serializable");
        }
        return bytes.toByteArray();
    }

    /** The frames above this worker's own: like Python's remote traceback, the user's code only. */
    static StackTraceElement[] userFrames(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (PoolWorker.class.getName().equals(frames[i].getClassName())) {
                return Arrays.copyOf(frames, i);
            }
        }
        return frames;
    }
}
