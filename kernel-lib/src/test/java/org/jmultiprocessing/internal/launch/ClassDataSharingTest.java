package org.jmultiprocessing.internal.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where child JVMs' class-data archives may come from: only a cache directory private to this user. */
class ClassDataSharingTest {
    private static final List<String> CHILD_COMMAND = List.of("java", "-XX:+UseSerialGC");

    private String savedHome;
    private Path home;
    private Path elsewhere;
    private String jar;

    @BeforeEach
    void fakeHome() throws IOException {
        savedHome = System.getProperty("user.home");
        home = Files.createTempDirectory("jmp-cds-home");
        elsewhere = Files.createTempDirectory("jmp-cds-elsewhere");
        jar = Files.createFile(elsewhere.resolve("kernel-lib.jar")).toString();
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() throws IOException {
        System.setProperty("user.home", savedHome);
        for (Path root : new Path[] {home, elsewhere}) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private Path cache() {
        return home.resolve(".cache").resolve("jmultiprocessing");
    }

    @Test
    void shouldCreateTheCacheDirectoryPrivate() throws IOException {
        Path archive = ClassDataSharing.archiveFor(jar, CHILD_COMMAND);
        assertNotNull(archive, "no archive although the cache could be created");
        assertEquals(cache(), archive.getParent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache())));
    }

    @Test
    void shouldNotUseACacheThatIsALink() throws IOException {
        Path planted = Files.createDirectory(elsewhere.resolve("planted"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(cache().getParent());
        Files.createSymbolicLink(cache(), planted);
        assertNull(ClassDataSharing.archiveFor(jar, CHILD_COMMAND), "archive taken from a linked cache");
    }

    @Test
    void shouldNotUseACacheOthersCanWriteOrRead() throws IOException {
        Files.createDirectories(cache());
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(ClassDataSharing.archiveFor(jar, CHILD_COMMAND), "archive taken from a cache with mode 0777");
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertNull(ClassDataSharing.archiveFor(jar, CHILD_COMMAND), "archive taken from a cache with mode 0755");
    }

    @Test
    void shouldNotUseACacheOfAnotherUser() throws IOException {
        Files.createDirectories(cache());
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rwx------"));
        try {
            Files.setAttribute(cache(), "unix:uid", 54321, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            Assumptions.abort("giving a file to another uid needs root: " + e);
        }
        assertNull(ClassDataSharing.archiveFor(jar, CHILD_COMMAND), "archive taken from another user's cache");
    }
}
