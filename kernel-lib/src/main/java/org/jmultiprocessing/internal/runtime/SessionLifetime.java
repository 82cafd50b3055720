package org.jmultiprocessing.internal.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a session directory ends, and how it is removed.
 *
 * <p>Every process of a tree (the root, each child, the ready standby) holds a shared lock on the
 * directory's lock file while it runs; the kernel drops it when the process ends, even by SIGKILL. A
 * process that ends (normally, by {@code terminate()}, or because its parent died) lets go of its lock and
 * tries for an exclusive one: if it gets it, no other process of the tree runs, and it removes the
 * directory. A tree killed all at once (SIGKILL to every process) leaves its directory to the sweep that a
 * later root runs in the background.
 *
 * <p>Removal never follows a link and deletes only in a {@link PrivateDirectory} named like a session: the
 * sessions' base ({@code /dev/shm}) is world-writable, and anyone may plant a {@code jmp-} entry there.
 * Session directories are flat, so it unlinks the entries of the opened directory, relative to it
 * ({@link SecureDirectoryStream}); a subdirectory is left (and with it the directory), never entered.
 */
public final class SessionLifetime {
    static final String LOCK_FILE = "lifetime.lock";

    /** The session this process takes part in, and its lock; guarded by the class lock. */
    private static Path heldDirectory;
    private static FileChannel lockFile;
    private static FileLock sharedLock;
    private static boolean ended;

    private SessionLifetime() {
    }

    /** The name of the session directory of the root process {@code pid}. */
    static String sessionName(long pid, String randomHex) {
        return "jmp-" + pid + "-" + randomHex;
    }

    /** In the root, once it created the session directory {@code dir}: creates the lock file and holds it. */
    static void holdAsRoot(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock shared = channel.lock(0, Long.MAX_VALUE, true);
        synchronized (SessionLifetime.class) {
            heldDirectory = dir;
            lockFile = channel;
            sharedLock = shared;
        }
        ExitHooks.add(ExitHooks.Stage.SESSION, new EndAtExit());
    }

    /**
     * In a child or the standby: holds the lock of the session {@code dir} as long as this process runs. A
     * session already ending (its lock file gone or held exclusively) is not joined.
     */
    public static void hold(Path dir) {
        synchronized (SessionLifetime.class) {
            if (ended || heldDirectory != null) {
                return; // a standby that became a child holds it already
            }
            FileChannel channel = null;
            FileLock shared;
            try {
                channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                shared = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (IOException e) {
                closeQuietly(channel);
                return;
            }
            if (shared == null) {
                closeQuietly(channel);
                return;
            }
            heldDirectory = dir;
            lockFile = channel;
            sharedLock = shared;
        }
        ExitHooks.add(ExitHooks.Stage.SESSION, new EndAtExit());
    }

    /**
     * This process is about to end: lets go of the session and, when it was the last process holding it,
     * removes the directory. Called at exit, and before a halt that skips the exit hooks.
     */
    public static void end() {
        synchronized (SessionLifetime.class) {
            if (ended) {
                return;
            }
            ended = true;
            if (lockFile == null) {
                return;
            }
            try {
                // Two ending processes may both let go before either tries: then the later one gets it.
                sharedLock.release();
                if (lockFile.tryLock() != null) {
                    removeFlat(heldDirectory);
                }
            } catch (IOException | OverlappingFileLockException e) {
                // Left to the process that is last, or to a later sweep.
            } finally {
                closeQuietly(lockFile);
                lockFile = null;
                sharedLock = null;
            }
        }
    }

    /**
     * {@code jmp-<pid of the root>-<random hex>}, in a holder class: only removal and the sweep need it, and
     * compiling it would lengthen every child's {@link #hold}.
     */
    private static final class SessionName {
        static final Pattern PATTERN = Pattern.compile("jmp-(\\d{1,18})-\\p{XDigit}{8}");
    }

    /** The exit hook; a named class, since a child's first lambda costs it milliseconds to link. */
    private static final class EndAtExit implements Runnable {
        @Override
        public void run() {
            end();
        }
    }

    /**
     * Removes the session directories in {@code base} whose whole tree has ended: root process gone, lock
     * file not held. Runs on a background thread of a new root; a directory that is not private is skipped.
     */
    static void sweepAbandoned(Path base) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            if (!(entries instanceof SecureDirectoryStream<Path> baseDir)) {
                return; // Without openat(2) a removal could be redirected by a swapped link: leave them.
            }
            for (Path entry : baseDir) {
                Path name = entry.getFileName();
                Matcher session = SessionName.PATTERN.matcher(name.toString());
                if (session.matches() && ProcessHandle.of(Long.parseLong(session.group(1))).isEmpty()) {
                    removeIn(baseDir, name, true);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Sweeping is best effort; the next root tries again.
        }
    }

    /** Removes the session directory {@code dir}, whose lock this process holds exclusively. */
    private static void removeFlat(Path dir) throws IOException {
        Path base = dir.toAbsolutePath().getParent();
        if (base == null || !SessionName.PATTERN.matcher(dir.getFileName().toString()).matches()) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
            if (entries instanceof SecureDirectoryStream<Path> baseDir) {
                removeIn(baseDir, dir.getFileName(), false);
            }
        }
    }

    /**
     * Removes {@code name} in the opened base directory if it is a private directory, unlinking its entries
     * relative to the opened directory itself, so that nothing renamed or linked meanwhile redirects it.
     *
     * @param unlessHeld whether to check (and hold while removing) that no process holds its lock file
     */
    private static void removeIn(SecureDirectoryStream<Path> baseDir, Path name, boolean unlessHeld) {
        try {
            // Checked before opening (a FIFO planted under this name would block the open), and after, on
            // what was opened: no one else can rename or replace our entry in a sticky /dev/shm.
            if (!PrivateDirectory.isPrivate(baseDir.getFileAttributeView(name, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes())) {
                return;
            }
            try (SecureDirectoryStream<Path> dir = baseDir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                if (!PrivateDirectory.isPrivate(dir.getFileAttributeView(PosixFileAttributeView.class).readAttributes())) {
                    return;
                }
                SeekableByteChannel lock = unlessHeld ? openLockFile(dir) : null;
                try {
                    if (lock instanceof FileChannel channel && channel.tryLock() == null) {
                        return; // a process of that tree still runs; it removes the directory when it ends
                    }
                    for (Path entry : dir) {
                        try {
                            dir.deleteFile(entry.getFileName()); // unlinkat: a link goes, not what it points to
                        } catch (IOException e) {
                            // A subdirectory, which no session makes: it stays, and so does the directory.
                        }
                    }
                } finally {
                    closeQuietly(lock);
                }
            }
            baseDir.deleteDirectory(name);
        } catch (IOException | OverlappingFileLockException e) {
            // Not empty, or gone already (another process removed it first).
        }
    }

    /** The lock file of an opened session directory, or {@code null} if it has none (not yet, or an old one). */
    private static SeekableByteChannel openLockFile(SecureDirectoryStream<Path> dir) throws IOException {
        try {
            return dir.newByteChannel(Paths.get(LOCK_FILE), Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock either way.
            }
        }
    }
}
