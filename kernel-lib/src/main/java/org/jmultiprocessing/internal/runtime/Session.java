package org.jmultiprocessing.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What every process of one tree shares: a private directory (0700) for sockets and shared-memory files,
 * and an authentication key that a connection must prove before any object is deserialized (Python's
 * {@code authkey}).
 *
 * <p>The root process creates both; its children adopt them from the prepare frame of the bootstrap
 * handshake, so the key never appears on a command line. The last process of the tree to end removes the
 * directory, and a root that starts later sweeps directories of trees killed all at once: see
 * {@link SessionLifetime}.
 */
public final class Session {
    private static volatile Session current;

    private final Path directory;
    private final byte[] authKey;

    private Session(Path directory, byte[] authKey) {
        this.directory = directory;
        this.authKey = authKey;
    }

    /** The session of this process, created on first use in a root process. */
    public static Session current() {
        Session session = current;
        if (session != null) {
            return session;
        }
        synchronized (Session.class) {
            if (current == null) {
                current = createRoot();
            }
            return current;
        }
    }

    /** Called by the child bootstrap before anything else touches the session. */
    public static synchronized void adopt(Path directory, byte[] authKey) {
        current = new Session(directory, authKey.clone());
    }

    public Path directory() {
        return directory;
    }

    public byte[] authKey() {
        return authKey.clone();
    }

    /** A fresh path inside the session directory, for a socket or shared-memory file. */
    public Path newPath(String kind) {
        return directory.resolve(kind + "-" + HexFormat.of().formatHex(randomBytes(6)));
    }

    /** Where sessions live: tmpfs when the machine has it, so shared memory never touches a disk. */
    static Path baseDirectory() {
        Path shm = Paths.get("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    private static Session createRoot() {
        Path base = baseDirectory();
        try {
            Path dir = base.resolve(SessionLifetime.sessionName(Internals.pid(), HexFormat.of().formatHex(randomBytes(4))));
            Files.createDirectory(dir, PrivateDirectory.mode());
            try {
                Files.setPosixFilePermissions(dir, PrivateDirectory.MODE); // whatever the umask took away
                SessionLifetime.holdAsRoot(dir);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(dir.resolve(SessionLifetime.LOCK_FILE));
                Files.delete(dir);
                throw e;
            }
            Session session = new Session(dir, randomBytes(32));
            // Off the start path: a sweep lists the whole base directory and empties what it removes.
            LibraryThreads.startDaemon(new Sweep(base), "jmp-session-sweep");
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the private session directory under " + base
                    + " (check that it exists and is writable)", e);
        }
    }

    private record Sweep(Path base) implements Runnable {
        @Override
        public void run() {
            SessionLifetime.sweepAbandoned(base);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
