package org.jmultiprocessing.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jmultiprocessing.testing.JavaProgram;
import org.jmultiprocessing.testing.LockHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sweep of abandoned session directories, on real files planted in a scratch base directory (as another
 * local user could plant them in the world-writable {@code /dev/shm}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionSweepTest {
    /** A uid this JVM does not run as: the owner of what "another user" planted. */
    private static final int OTHER_UID = 54321;

    private Path base;
    private Path outside;
    private long deadPid;

    @BeforeEach
    void plantBase() throws Exception {
        base = Files.createTempDirectory("jmp-sweep-base");
        outside = Files.createTempDirectory("jmp-sweep-outside");
        Files.writeString(outside.resolve("precious"), "not the sweep's to delete");
        java.lang.Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        deadPid = ended.pid();
    }

    @AfterEach
    void removeBase() throws IOException {
        for (Path root : new Path[] {base, outside}) {
            try (Stream<Path> paths = Files.walk(root)) { // does not follow links
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private Path sessionDir(long pid, String hex, String mode) throws IOException {
        Path dir = Files.createDirectory(base.resolve("jmp-" + pid + "-" + hex));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
        Files.writeString(dir.resolve("queue-0123456789ab"), "x");
        return dir;
    }

    @Test
    void shouldRemoveTheDirectoryOfADeadRootWithItsFilesAndLinks() throws Exception {
        Path dir = sessionDir(deadPid, "0000000a", "rwx------");
        Files.createFile(dir.resolve(SessionLifetime.LOCK_FILE));
        Files.createSymbolicLink(dir.resolve("link-to-file"), outside.resolve("precious"));
        Files.createSymbolicLink(dir.resolve("link-to-dir"), outside);

        SessionLifetime.sweepAbandoned(base);

        assertFalse(Files.exists(dir, LinkOption.NOFOLLOW_LINKS), "abandoned session directory not swept");
        assertTrue(Files.exists(outside.resolve("precious")), "a link's target was deleted");
    }

    @Test
    void shouldNotTouchADirectoryOfAnotherUser() throws Exception {
        Path dir = sessionDir(deadPid, "0000000b", "rwx------");
        try {
            Files.setAttribute(dir.resolve("queue-0123456789ab"), "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            Assumptions.abort("giving a file to another uid needs root: " + e);
        }

        SessionLifetime.sweepAbandoned(base);

        assertTrue(Files.exists(dir.resolve("queue-0123456789ab")), "another user's session directory was swept");
    }

    @Test
    void shouldNotTouchADirectoryOthersCanEnter() throws Exception {
        Path dir = sessionDir(deadPid, "0000000c", "rwxr-xr-x");

        SessionLifetime.sweepAbandoned(base);

        assertTrue(Files.exists(dir.resolve("queue-0123456789ab")), "a directory with mode 0755 was swept");
    }

    @Test
    void shouldNotFollowASessionNamedLink() throws Exception {
        Path target = Files.createDirectory(outside.resolve("private"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(target.resolve("queue-0123456789ab"), "x");
        Path link = Files.createSymbolicLink(base.resolve("jmp-" + deadPid + "-0000000d"), target);

        SessionLifetime.sweepAbandoned(base);

        assertTrue(Files.exists(target.resolve("queue-0123456789ab")), "the sweep followed a link");
        assertTrue(Files.isSymbolicLink(link), "a link is not a session directory of ours");
    }

    @Test
    void shouldNotTouchTheDirectoryOfALiveRoot() throws Exception {
        Path dir = sessionDir(ProcessHandle.current().pid(), "0000000e", "rwx------");

        SessionLifetime.sweepAbandoned(base);

        assertTrue(Files.exists(dir.resolve("queue-0123456789ab")), "a live root's directory was swept");
    }

    @Test
    void shouldNotTouchADirectoryWhoseLockAProcessStillHolds() throws Exception {
        Path dir = sessionDir(deadPid, "0000000f", "rwx------");
        Path lock = Files.createFile(dir.resolve(SessionLifetime.LOCK_FILE));
        java.lang.Process holder = JavaProgram.start(LockHolder.class, lock.toString());
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", lines.readLine());

            SessionLifetime.sweepAbandoned(base);

            assertTrue(Files.exists(dir.resolve("queue-0123456789ab")),
                    "swept while a child of the dead root still runs");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        SessionLifetime.sweepAbandoned(base);
        assertFalse(Files.exists(dir), "not swept once the last process of the tree ended");
    }

    /**
     * The attack of issue 11: a planted subdirectory swapped for a link to elsewhere while the sweep
     * deletes. A sweep that deleted by path would delete, through the link, the same names elsewhere.
     */
    @Test
    void shouldNeverDeleteThroughASubdirectorySwappedForALink() throws Exception {
        Path dir = sessionDir(deadPid, "00000010", "rwx------");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        int files = 5_000;
        for (int i = 0; i < files; i++) {
            Files.createFile(sub.resolve(String.format("f%05d", i)));
        }
        Files.writeString(outside.resolve("f00000"), "root's file in a private directory");
        Path lastName = sub.resolve(String.format("f%05d", files - 1));

        Thread sweep = new Thread(() -> SessionLifetime.sweepAbandoned(base));
        sweep.start();
        // Swap as soon as the sweep has deleted in the subdirectory (a sweep that never enters it: once done).
        while (Files.exists(lastName) && sweep.isAlive()) {
            Thread.onSpinWait();
        }
        Files.move(sub, dir.resolve("sub-moved"));
        Files.createSymbolicLink(sub, outside);
        sweep.join();

        assertTrue(Files.exists(outside.resolve("f00000")), "the sweep deleted a file through a swapped link");
        assertTrue(Files.exists(outside.resolve("precious")));
        assertEquals(files, countFiles(dir.resolve("sub-moved")), "the sweep entered a subdirectory");
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        }
    }
}
