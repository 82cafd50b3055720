package org.jmultiprocessing;

import java.util.Objects;

import org.jmultiprocessing.internal.connection.JavaFormat;
import org.jmultiprocessing.internal.connection.SocketListener;
import org.jmultiprocessing.spi.MessageFormat;

/**
 * Python's {@code multiprocessing.connection.Listener}: a socket that {@link Client}s connect to, each
 * {@link #accept()} giving a {@link Connection} with the API of a {@link Pipe}'s ends.
 *
 * <pre>{@code
 * try (var listener = new Listener("localhost:6000", "secret".getBytes())) {
 *     try (var conn = listener.accept()) {          // conn = listener.accept()
 *         conn.send(List.of(1, 2, 3));
 *     }
 * }
 * }</pre>
 *
 * <p>An address is a string: {@code "host:port"} listens on TCP ({@code ":6000"} on the loopback address,
 * port 0 on a free port; an IPv6 host in brackets, {@code "[::1]:6000"}), anything else is the path of a
 * Unix-domain socket, as a string address is in Python. {@link #address()} gives the address actually
 * bound, for {@link Client#connect}. A TCP listener on another host than loopback is reachable from the
 * network: give it an authkey.
 *
 * <p>With an authkey, each side proves the key to the other with Python's HMAC challenge before any message
 * is decoded; a client with another key makes {@code accept()} throw {@link AuthenticationException} (and
 * its own {@code connect} too), and the listener goes on listening. A null authkey means no authentication,
 * as Python's {@code authkey=None}. The challenge is CPython 3.12's ({@code {sha256}}), and answers in
 * 3.11's form (raw HMAC-MD5) are accepted, so Python clients of 3.11 and later connect.
 *
 * <p>{@code send} and {@code recv} use Java's message form (that of a {@code Pipe}); for a Python peer pass
 * kernel-python's pickle format as the {@code format}. {@code sendBytes} and {@code recvBytes} carry bytes
 * as they are, in Python's framing, whatever the format.
 */
public final class Listener implements AutoCloseable {
    private final SocketListener socket;

    /** Listens at a fresh Unix-domain socket in the session's private directory (see {@link #address()}). */
    public Listener(byte[] authkey) {
        this(null, authkey, JavaFormat.INSTANCE);
    }

    /**
     * Listens at {@code address}: {@code "host:port"} (TCP) or a socket path; null is a fresh socket in the
     * session's private directory, as Python's {@code Listener(None)}.
     */
    public Listener(String address, byte[] authkey) {
        this(address, authkey, JavaFormat.INSTANCE);
    }

    /** Listens at {@code address}; the accepted connections' {@code send} and {@code recv} use {@code format}. */
    public Listener(String address, byte[] authkey, MessageFormat format) {
        Objects.requireNonNull(format, "format");
        this.socket = SocketListener.bind(address, checkedKey(authkey), format);
    }

    /**
     * Waits for the next client and returns the connection to it, authenticated when this listener has a key.
     *
     * @throws AuthenticationException when the client's key differs (its connection is closed; this
     *                                 listener stays open)
     */
    public Connection accept() {
        return new Connection(socket.accept(), Connection.SOCKET);
    }

    /** Where clients connect: the socket path, or {@code host:port} with the port actually bound. */
    public String address() {
        return socket.address();
    }

    /**
     * Stops listening and deletes a Unix-domain socket's file; connections already accepted stay open.
     * Idempotent; a later {@link #accept()} is an {@link IllegalStateException}.
     */
    @Override
    public void close() {
        socket.close();
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public String toString() {
        return "<Listener address='" + address() + "'" + (isClosed() ? " closed" : "") + ">";
    }

    /** A copy of the key, so that the caller's later changes do not reach it; null stays null. */
    static byte[] checkedKey(byte[] authkey) {
        if (authkey != null && authkey.length == 0) {
            throw new IllegalArgumentException("authkey is empty: give a non-empty key (both sides the same), or null"
                    + " for no authentication");
        }
        return authkey == null ? null : authkey.clone();
    }
}
