package org.jmultiprocessing.internal.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.jmultiprocessing.AuthenticationException;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.spi.MessageFormat;
import org.jmultiprocessing.spi.PipeEnd;

/**
 * A listening socket that hands out authenticated connections (Python's
 * {@code multiprocessing.connection.Listener}): accept, then challenge the client and answer its challenge.
 * A Unix-domain listener deletes its socket file when closed.
 */
public final class SocketListener implements AutoCloseable {
    private static final int BACKLOG = 50;

    private final ServerSocketChannel server;
    private final Selector acceptable;
    private final String address;
    private final Path socketFile;
    private final byte[] authkey;
    private final MessageFormat format;
    private volatile boolean closed;

    private SocketListener(ServerSocketChannel server, Selector acceptable, String address, Path socketFile,
            byte[] authkey, MessageFormat format) {
        this.server = server;
        this.acceptable = acceptable;
        this.address = address;
        this.socketFile = socketFile;
        this.authkey = authkey;
        this.format = format;
    }

    /** Listens at {@code address} ({@link Addresses}), or at a fresh socket in the session directory when null. */
    public static SocketListener bind(String address, byte[] authkey, MessageFormat format) {
        SocketAddress local = address == null ? UnixDomainSocketAddress.of(Session.current().newPath("listener"))
                : Addresses.parse(address);
        Path socketFile = local instanceof UnixDomainSocketAddress unix ? unix.getPath() : null;
        ServerSocketChannel server = null;
        try {
            server = socketFile != null ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
            server.bind(local, BACKLOG);
            server.configureBlocking(false);
            Selector acceptable = Selector.open();
            server.register(acceptable, SelectionKey.OP_ACCEPT);
            String bound = Addresses.format(server.getLocalAddress());
            return new SocketListener(server, acceptable, socketFile != null ? socketFile.toString() : bound, socketFile,
                    authkey, format);
        } catch (IOException e) {
            boolean bound = server != null && isBound(server);
            closeQuietly(server);
            if (bound && socketFile != null) {
                deleteQuietly(socketFile);
            }
            if (e instanceof BindException && socketFile != null && Files.exists(socketFile)) {
                throw new UncheckedIOException("cannot listen at " + socketFile + ": a file exists there (a socket a"
                        + " closed listener's process left behind?): delete it or choose another path", e);
            }
            throw new UncheckedIOException("cannot listen at " + Addresses.format(local) + ": " + e.getMessage(), e);
        }
    }

    private static boolean isBound(ServerSocketChannel server) {
        try {
            return server.getLocalAddress() != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits for a client and authenticates it when this listener has a key: an {@link AuthenticationException}
     * when the keys differ (the client's connection is then closed; this listener stays open).
     */
    public PipeEnd accept() {
        SocketChannel accepted = acceptChannel();
        SocketEnd end;
        try {
            end = new SocketEnd(accepted, format, "the client of " + address);
        } catch (IOException e) {
            closeQuietly(accepted);
            throw new UncheckedIOException("cannot set up an accepted connection at " + address + ": " + e.getMessage(), e);
        }
        if (authkey != null) {
            try {
                Challenge.authenticateClient(end, authkey);
            } catch (RuntimeException e) {
                end.close();
                throw e;
            }
        }
        return end;
    }

    private SocketChannel acceptChannel() {
        try {
            while (true) {
                checkOpen();
                SocketChannel accepted = server.accept();
                if (accepted != null) {
                    return accepted;
                }
                acceptable.select();
                acceptable.selectedKeys().clear();
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("interrupted while waiting for a client at " + address);
                }
            }
        } catch (IOException e) {
            checkOpen();
            throw new UncheckedIOException("cannot accept a connection at " + address + ": " + e.getMessage(), e);
        }
    }

    /** Where clients connect: the socket path, or {@code host:port} with the port actually bound. */
    public String address() {
        return address;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops listening and deletes the socket file; connections already accepted stay open. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        acceptable.wakeup();
        closeQuietly(server);
        try {
            acceptable.close();
        } catch (IOException ignored) {
            // a selector that fails to close holds nothing more
        }
        if (socketFile != null) {
            deleteQuietly(socketFile);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("listener at " + address + " is closed (close() was called)");
        }
    }

    static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing fails only on a channel already broken
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the session sweep or the user removes what could not be deleted
        }
    }

    @Override
    public String toString() {
        return address;
    }
}
