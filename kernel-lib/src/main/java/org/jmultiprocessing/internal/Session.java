package org.jmultiprocessing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * What every process of one tree shares: a private directory (0700) for sockets and shared-memory files,
 * and an authentication key that a connection must prove before any object is deserialized (Python's
 * {@code authkey}).
 *
 * <p>The root process creates both; its children adopt them from the prepare frame of the bootstrap
 * handshake, so the key never appears on a command line. The root deletes the directory when it exits, and
 * a root that starts later sweeps directories left by roots that died without cleaning up (SIGKILL).
 */
public final class Session {
    private static final String PREFIX = "jmp-";
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
        sweepAbandoned(base);
        long pid = Internals.pid();
        try {
            Path dir = base.resolve(PREFIX + pid + "-" + HexFormat.of().formatHex(randomBytes(4)));
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Session session = new Session(dir, randomBytes(32));
            ExitHooks.add(ExitHooks.Stage.SESSION, () -> deleteTree(dir));
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the private session directory under " + base
                    + " (check that it exists and is writable)", e);
        }
    }

    /** Removes session directories whose creating process no longer runs. */
    static void sweepAbandoned(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path dir : dirs) {
                long ownerPid = ownerPid(dir.getFileName().toString());
                if (ownerPid > 0 && ProcessHandle.of(ownerPid).isEmpty() && Files.isWritable(dir)) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | SecurityException e) {
            // Sweeping is best effort: another user's directories are not ours to remove.
        }
    }

    static long ownerPid(String dirName) {
        String rest = dirName.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(rest.substring(0, dash)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // A file another process still holds open is removed by the next sweep.
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Same: the next root's sweep finishes the job.
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
