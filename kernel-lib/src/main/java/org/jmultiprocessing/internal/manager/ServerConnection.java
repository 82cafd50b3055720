package org.jmultiprocessing.internal.manager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.spi.MessageChannel;
import org.jmultiprocessing.spi.PeerGoneException;
import org.jmultiprocessing.spi.ship.Shipment;

/**
 * One client's connection to a manager's server, authenticated both ways. Each thread has its own connection
 * per server (as Python's proxies have), so the server serves each client thread with one thread of its
 * own: a lock or an RLock taken through it is held by that server thread until the same client thread
 * releases it, and a thread blocked in a call blocks no other.
 */
final class ServerConnection implements AutoCloseable {
    private static final ThreadLocal<Map<String, ServerConnection>> OF_THIS_THREAD = ThreadLocal.withInitial(HashMap::new);

    private final String address;
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    /** What a call returned: a value, or the number of an object the server now holds. */
    record Reply(Object value, Long held) {
    }

    private ServerConnection(String address, SocketChannel channel) throws IOException {
        this.address = address;
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
    }

    /** The calling thread's connection to the server at {@code address}, opened with the session's key if needed. */
    static ServerConnection of(String address) {
        Map<String, ServerConnection> mine = OF_THIS_THREAD.get();
        ServerConnection open = mine.get(address);
        if (open == null) {
            open = open(address, Session.current().authKey());
            mine.put(address, open);
        }
        return open;
    }

    /**
     * Connects and authenticates with {@code key}.
     *
     * @throws PeerGoneException if no server listens there any more
     * @throws SecurityException if the server refuses the key, or does not know it itself
     */
    static ServerConnection open(String address, byte[] key) {
        if (!Files.exists(Paths.get(address))) {
            throw gone(address, "its socket " + address + " is gone");
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a socket to the manager's server", e);
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(address));
            ServerConnection connection = new ServerConnection(address, channel);
            if (!Wire.answer(connection.in, connection.out, key)) {
                throw new SecurityException("the manager's server at " + address + " refused this process's key:"
                        + " only processes of the session that started the manager may use its objects");
            }
            if (!Wire.challenge(connection.in, connection.out, key)) {
                throw new SecurityException("the manager's server at " + address + " could not prove it holds the"
                        + " session's key: refusing to talk to it");
            }
            return connection;
        } catch (IOException e) {
            close(channel);
            throw gone(address, e.toString());
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    static PeerGoneException gone(String address, String why) {
        return new PeerGoneException("the manager's server is gone (" + why + "): the objects it held are lost;"
                + " start a new manager with ctx.manager()");
    }

    /**
     * Calls {@code method} (by name and parameter types) on object {@code id} with {@code args}, which travel
     * as a shipment (cell classes and lambdas included); rethrows what the call threw there.
     */
    Reply call(long id, String method, Class<?>[] parameterTypes, Object[] args) {
        byte[] request = request(id, method, parameterTypes, args);
        byte[] reply;
        try {
            Wire.writeFrame(out, request);
            out.flush();
            reply = Wire.readFrame(in);
        } catch (ClosedByInterruptException e) {
            drop();
            throw new CancellationException("interrupted while waiting for the manager's server");
        } catch (IOException e) {
            drop();
            throw gone(address, e.toString());
        }
        return decode(reply);
    }

    /** Asks the server to stop; true once it said it will. */
    boolean shutdown() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new DataOutputStream(bytes).writeByte(Wire.SHUTDOWN);
            Wire.writeFrame(out, bytes.toByteArray());
            out.flush();
            Wire.readFrame(in);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            drop();
        }
    }

    private static byte[] request(long id, String method, Class<?>[] parameterTypes, Object[] args) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            parts.put("argument " + (i + 1) + " of " + method, args[i]);
        }
        byte[] shipped = Shipment.capture(args, parts, "the manager's server").toBytes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(shipped.length + 64);
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            data.writeByte(Wire.CALL);
            data.writeLong(id);
            data.writeUTF(method);
            data.writeInt(parameterTypes.length);
            for (Class<?> type : parameterTypes) {
                data.writeUTF(type.getName());
            }
            Wire.writeFrame(data, shipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // In memory.
        }
        return bytes.toByteArray();
    }

    private Reply decode(byte[] reply) {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(reply))) {
            int status = data.readUnsignedByte();
            switch (status) {
                case Wire.RETURNED:
                    return new Reply(MessageCodec.deserialize(Wire.readFrame(data)), null);
                case Wire.HELD:
                    return new Reply(null, data.readLong());
                case Wire.NOTHING:
                    return new Reply(MessageChannel.NOTHING, null);
                case Wire.THREW:
                    throw rethrown(MessageCodec.deserialize(Wire.readFrame(data)));
                default:
                    throw new IllegalStateException("unknown reply " + status + " from the manager's server");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // In memory.
        }
    }

    private static RuntimeException rethrown(Object thrown) {
        if (thrown instanceof RuntimeException e) {
            return e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return new RemoteCallException((Throwable) thrown);
    }

    /** Forgets this thread's connection and closes it: the next call opens a new one. */
    private void drop() {
        OF_THIS_THREAD.get().remove(address, this);
        close();
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
