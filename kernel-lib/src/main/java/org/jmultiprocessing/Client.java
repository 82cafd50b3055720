package org.jmultiprocessing;

import java.util.Objects;

import org.jmultiprocessing.internal.connection.JavaFormat;
import org.jmultiprocessing.internal.connection.SocketClient;
import org.jmultiprocessing.spi.MessageFormat;

/**
 * Python's {@code multiprocessing.connection.Client}: {@code conn = Client(address, authkey=key)} is
 * {@code var conn = Client.connect(address, key)}, a {@link Connection} to a {@link Listener} (Java's or
 * Python's) with the API of a {@link Pipe}'s ends. Addresses, authentication and formats are as described
 * at {@link Listener}.
 */
public final class Client {
    private Client() {
    }

    /**
     * Connects to the listener at {@code address} ({@code "host:port"} or a socket path) and, with a key,
     * authenticates both ways.
     *
     * @throws AuthenticationException when the listener's key differs
     */
    public static Connection connect(String address, byte[] authkey) {
        return connect(address, authkey, JavaFormat.INSTANCE);
    }

    /** As {@link #connect(String, byte[])}, with {@code send} and {@code recv} using {@code format}. */
    public static Connection connect(String address, byte[] authkey, MessageFormat format) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(format, "format");
        return new Connection(SocketClient.connect(address, Listener.checkedKey(authkey), format), Connection.SOCKET);
    }
}
