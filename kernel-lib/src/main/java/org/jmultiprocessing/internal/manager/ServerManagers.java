package org.jmultiprocessing.internal.manager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jmultiprocessing.Target1;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.spi.Backend;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ManagerImpl;
import org.jmultiprocessing.spi.Managers;
import org.jmultiprocessing.spi.ProcessSpec;
import org.jmultiprocessing.spi.ProcessTask;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.StartedProcess;

/**
 * Managers whose server is a child process (Python's {@code SyncManager}): a daemon child, so it ends with
 * the process that started it, listening on a socket in the session's private directory.
 */
public final class ServerManagers implements Managers {
    /** How long a server may take to listen before the start fails (a JVM's start on a loaded machine). */
    private static final long START_TIMEOUT_NANOS = 60_000_000_000L;
    private static final long STOP_TIMEOUT_NANOS = 10_000_000_000L;

    private final Processes processes;
    private final Target1<String> server;

    /**
     * @param processes starts the server's process
     * @param server    the server's code: {@link ManagerServer#serve} at the socket path it is given, with the
     *                  backend of the server's own objects
     */
    public ServerManagers(Processes processes, Target1<String> server) {
        this.processes = processes;
        this.server = server;
    }

    @Override
    public ManagerImpl start() {
        Path address = Session.current().newPath("manager");
        int[] identity = Internals.nextChildIdentity(Internals.identity());
        ProcessTask task = new ProcessTask("SyncManager-" + identity[identity.length - 1], true, identity, server,
                new Object[] {address.toString()});
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("the manager's server", server);
        StartedProcess started = processes.start(new ProcessSpec(task, parts, () -> {
            throw new UnsupportedOperationException("a manager's server runs in a process of its own");
        }));
        long deadline = Deadline.deadlineAfter(START_TIMEOUT_NANOS);
        try {
            while (!Files.exists(address)) {
                if (started.join(System.nanoTime() + 2_000_000L)) {
                    started.release();
                    throw new IllegalStateException("the manager's server exited with code " + started.exitCode()
                            + " before it listened (its error is printed above)");
                }
                if (Deadline.hasPassed(deadline)) {
                    stop(started, address);
                    throw new IllegalStateException("the manager's server did not listen within "
                            + START_TIMEOUT_NANOS / 1_000_000_000L + " s; it was stopped");
                }
            }
        } catch (InterruptedException e) {
            stop(started, address);
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while the manager's server started");
        }
        return new ServerManager(address, started);
    }

    /** Ends the server (killed if it still runs), releases it and deletes its socket. */
    private static void stop(StartedProcess started, Path address) {
        try {
            if (started.isAlive()) {
                started.kill();
            }
            started.join(Deadline.deadlineAfter(STOP_TIMEOUT_NANOS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            started.release();
        }
        try {
            Files.deleteIfExists(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the manager's socket " + address, e);
        }
    }

    /** One running server and its proxies' factory. */
    static final class ServerManager implements ManagerImpl {
        private final Path address;
        private final StartedProcess started;
        private final Backend objects;
        private volatile boolean shutDown;

        ServerManager(Path address, StartedProcess started) {
            this.address = address;
            this.started = started;
            this.objects = new RemoteBackend(address.toString());
        }

        /** The server's socket, for tests. */
        Path address() {
            return address;
        }

        /** The server's process, for tests. */
        StartedProcess server() {
            return started;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<Object, Object> dict() {
            return (Map<Object, Object>) made("dict", Map.class, new Class<?>[0], new Object[0]);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Object> list() {
            return (List<Object>) made("list", List.class, new Class<?>[0], new Object[0]);
        }

        @Override
        public Backend objects() {
            return objects;
        }

        @Override
        public void register(String name, Callable<?> factory) {
            ServerConnection.of(address.toString()).call(ManagerServer.ROOT, "register",
                    new Class<?>[] {String.class, Callable.class}, new Object[] {name, factory});
        }

        @Override
        public <T> T create(String name, Class<T> type) {
            return type.cast(made("create", type, new Class<?>[] {String.class, String.class}, new Object[] {name, type.getName()}));
        }

        private Object made(String method, Class<?> type, Class<?>[] types, Object[] args) {
            ServerConnection.Reply reply = ServerConnection.of(address.toString()).call(ManagerServer.ROOT, method, types, args);
            return RemoteObject.proxy(new ObjectRef(address.toString(), reply.held()), type);
        }

        @Override
        public synchronized void shutdown() {
            if (shutDown) {
                return;
            }
            shutDown = true;
            if (started.isAlive()) {
                try {
                    ServerConnection.open(address.toString(), Session.current().authKey()).shutdown();
                } catch (RuntimeException gone) {
                    // Ended meanwhile: stop() below finds it ended.
                }
                try {
                    started.join(Deadline.deadlineAfter(STOP_TIMEOUT_NANOS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // stop() kills it.
                }
            }
            stop(started, address);
        }

        @Override
        public boolean isRunning() {
            return !shutDown && started.isAlive();
        }
    }
}
