package org.jmultiprocessing.internal.pool;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * The socket one starting pool worker connects to: a Unix domain socket in the session directory, private to
 * this user (0600) like every file there. It accepts connections until one proves it knows the session's
 * key. Any other connection (a stray client of this user that found the socket first) is closed, silently,
 * and listening goes on, so a stranger can neither take the worker's place nor make it fail; one that says
 * nothing is closed after {@link #HANDSHAKE_TIMEOUT} and holds nothing up meanwhile.
 */
final class PoolListener implements AutoCloseable {
    /** How long a connection has to answer the challenge; a worker answers at once. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final Path path;
    private final ServerSocketChannel server;
    private final Selector selector;
    private volatile boolean stopped;

    /** Creates the socket file at {@code path}, mode 0600. */
    PoolListener(Path path) throws IOException {
        this.path = path;
        // bind() creates the file with the umask's mode: it gets 0600 under another name, then takes its own.
        Path binding = path.resolveSibling("binding-" + path.getFileName());
        ServerSocketChannel opened = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selecting = null;
        try {
            opened.bind(UnixDomainSocketAddress.of(binding));
            Files.setPosixFilePermissions(binding, PosixFilePermissions.fromString("rw-------"));
            Files.move(binding, path, StandardCopyOption.ATOMIC_MOVE);
            opened.configureBlocking(false);
            selecting = Selector.open();
            opened.register(selecting, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            if (selecting != null) {
                selecting.close();
            }
            opened.close();
            Files.deleteIfExists(binding);
            Files.deleteIfExists(path);
            throw e;
        }
        this.server = opened;
        this.selector = selecting;
    }

    Path path() {
        return path;
    }

    /**
     * Waits for the connection that proves it holds {@code key} and returns it, blocking and authenticated
     * both ways. Throws once {@link #stop()} is called (the worker exited, or the pool was terminated).
     */
    PoolChannel accept(byte[] key) throws IOException {
        while (!stopped) {
            selector.select(millisToEarliestDeadline());
            List<SelectionKey> selected = List.copyOf(selector.selectedKeys());
            selector.selectedKeys().clear();
            for (SelectionKey ready : selected) {
                if (!ready.isValid()) {
                    continue;
                }
                if (ready.isAcceptable()) {
                    admit(key);
                } else if (ready.isReadable()) {
                    PoolChannel.WorkerHandshake handshake = (PoolChannel.WorkerHandshake) ready.attachment();
                    if (proves(handshake)) {
                        ready.cancel();
                        selector.selectNow(); // deregisters the channel, so that it may block again
                        try {
                            return handshake.accepted();
                        } catch (IOException e) {
                            handshake.channel().close(); // gone right after answering: keep listening
                        }
                    }
                }
            }
            refuseOverdue();
        }
        throw new IOException("the worker exited, or the pool was terminated, before the worker connected");
    }

    /** Accepts a waiting connection and challenges it; one that cannot even be challenged is closed. */
    private void admit(byte[] key) throws IOException {
        SocketChannel connection = server.accept();
        if (connection == null) {
            return;
        }
        try {
            connection.configureBlocking(false);
            long deadline = System.nanoTime() + HANDSHAKE_TIMEOUT.toNanos();
            connection.register(selector, SelectionKey.OP_READ, new PoolChannel.WorkerHandshake(connection, key, deadline));
        } catch (IOException e) {
            connection.close();
        }
    }

    /** Whether the connection has proved the key; a connection that failed is closed. */
    private static boolean proves(PoolChannel.WorkerHandshake handshake) throws IOException {
        try {
            return handshake.answered();
        } catch (IOException e) {
            handshake.channel().close();
            return false;
        }
    }

    private void refuseOverdue() throws IOException {
        long now = System.nanoTime();
        for (SelectionKey registered : selector.keys()) {
            if (registered.attachment() instanceof PoolChannel.WorkerHandshake handshake && handshake.deadline() - now <= 0) {
                handshake.channel().close();
            }
        }
    }

    /** How long {@code select} may sleep: until the first handshake is overdue, or (0) without limit. */
    private long millisToEarliestDeadline() {
        long now = System.nanoTime();
        long earliest = Long.MAX_VALUE;
        for (SelectionKey registered : selector.keys()) {
            if (registered.isValid() && registered.attachment() instanceof PoolChannel.WorkerHandshake handshake) {
                earliest = Math.min(earliest, Math.max(1, (handshake.deadline() - now) / 1_000_000 + 1));
            }
        }
        return earliest == Long.MAX_VALUE ? 0 : earliest;
    }

    /** From any thread: {@link #accept} gives up. */
    void stop() {
        stopped = true;
        selector.wakeup();
    }

    /** Closes the connections that did not prove themselves, the socket, and deletes its file. */
    @Override
    public void close() throws IOException {
        stopped = true;
        try {
            for (SelectionKey registered : selector.keys()) {
                if (registered.attachment() instanceof PoolChannel.WorkerHandshake handshake) {
                    handshake.channel().close();
                }
            }
            selector.close();
            server.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
