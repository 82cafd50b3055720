package org.jmultiprocessing.internal.launch;

import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.LibraryThreads;
import org.jmultiprocessing.internal.runtime.PrivateDirectory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * AppCDS for child JVMs: an archive of the classes a child loads (kernel-lib's, and the JDK's it needs for
 * deserialization and lambdas) makes every cold start shorter. Archives hold classes from jars only, so this
 * applies when kernel-lib is a jar, as it is in a notebook ({@code %maven}); a build's classes directory
 * gets no archive.
 *
 * <p>The archive lives in {@code ~/.cache/jmultiprocessing} (only if that is private to the user: see
 * {@link #cacheDirectory}), one per Java runtime, set of child JVM options and kernel-lib jar. JDK 19
 * and later create it by themselves ({@code -XX:+AutoCreateSharedArchive}); on JDK 17 and 18 one training
 * child, started in the background the first time, records it with {@code -XX:ArchiveClassesAtExit}. A
 * missing, stale or unreadable archive is ignored by the JVM ({@code -Xshare:auto}): nothing else changes.
 * The JVM would say so on stdout, which a child relays into the notebook, hence {@link #QUIET}.
 */
final class ClassDataSharing {
    private static final int AUTO_CREATE_FEATURE = 19;
    /** Silences the JVM's archive warnings, e.g. for an archive recorded with other JVM options. */
    private static final String QUIET = "-Xlog:cds*=off";
    private static final int ARCHIVES_KEPT = 4;
    private static final Pattern ARCHIVE_NAME = Pattern.compile("child-\\p{XDigit}+\\.jsa");
    /** {@code child-<key>.jsa.<pid of the JVM that started the training>.partial}. */
    private static final Pattern PARTIAL_NAME = Pattern.compile("child-\\p{XDigit}+\\.jsa\\.(\\d+)\\.partial");
    /** A training run records its archive within seconds; one older than this is no longer being written. */
    private static final long PARTIAL_GRACE_MILLIS = 60_000;
    private static boolean trainingStarted;
    /** Archive paths by jar and options: each start would otherwise hash and stat the jar again. */
    private static final Map<String, Path> ARCHIVES = new HashMap<>();

    private ClassDataSharing() {
    }

    /** Options for a child launched from {@code kernelLib}; may start the one-time training run. */
    static synchronized List<String> options(String kernelLib, List<String> childCommandPrefix) {
        Path archive = ARCHIVES.computeIfAbsent(kernelLib + '|' + childCommandPrefix,
                key -> archiveFor(kernelLib, childCommandPrefix));
        if (archive == null) {
            return List.of();
        }
        if (Runtime.version().feature() >= AUTO_CREATE_FEATURE) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", QUIET);
        }
        if (Files.isReadable(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        if (!trainingStarted) {
            trainingStarted = true;
            train(archive, kernelLib, childCommandPrefix);
        }
        return List.of();
    }

    /** Where the archive for this runtime, options and jar lives, or {@code null} when there can be none. */
    static Path archiveFor(String kernelLib, List<String> javaAndOptions) {
        Path jar = Paths.get(kernelLib);
        String home = System.getProperty("user.home");
        if (!kernelLib.endsWith(".jar") || !Files.isRegularFile(jar) || home == null) {
            return null;
        }
        try {
            String key = javaAndOptions + "|" + System.getProperty("java.vm.version") + '|' + jar.toAbsolutePath() + '|' + Files.size(jar) + '|' + Files.getLastModifiedTime(jar).toMillis();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            Path dir = cacheDirectory(Paths.get(home));
            return dir == null ? null : dir.resolve("child-" + HexFormat.of().formatHex(digest, 0, 8) + ".jsa");
        } catch (IOException | NoSuchAlgorithmException | UnsupportedOperationException e) {
            return null; // No writable cache: children start without an archive.
        }
    }

    /**
     * {@code ~/.cache/jmultiprocessing}, created if missing, or {@code null} unless it is a
     * {@link PrivateDirectory}: every child would map an archive found there, so one that someone else could
     * have planted (another owner, group or other access, a link to elsewhere) is not used.
     */
    private static Path cacheDirectory(Path home) throws IOException {
        Path dir = home.resolve(".cache").resolve("jmultiprocessing");
        if (Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PrivateDirectory.mode());
            } catch (FileAlreadyExistsException e) {
                // Created meanwhile by another kernel; checked below like any existing one.
            }
        }
        return PrivateDirectory.isPrivate(dir) ? dir : null;
    }

    /**
     * Runs one child that warms up as a standby does and exits, recording what it loaded; the archive is
     * moved into place only when complete, so concurrent kernels never read half an archive.
     */
    private static void train(Path archive, String kernelLib, List<String> childCommandPrefix) {
        Path partial = archive.resolveSibling(archive.getFileName() + "." + Internals.pid() + ".partial");
        List<String> command = new java.util.ArrayList<>(childCommandPrefix);
        command.add("-XX:ArchiveClassesAtExit=" + partial);
        command.add(QUIET);
        command.addAll(List.of("-cp", kernelLib, ChildMain.class.getName(), ChildMain.TRAIN));
        LibraryThreads.startDaemon(() -> {
            try {
                java.lang.Process training = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (training.waitFor() == 0 && Files.isRegularFile(partial)) {
                    Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    pruneOldArchives(archive.getParent());
                }
            } catch (IOException e) {
                // Without an archive children only start slower.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Nothing more to do: a later run overwrites it.
                }
            }
        }, "jmp-cds-training");
    }

    /**
     * Keeps the {@link #ARCHIVES_KEPT} newest archives: each rebuilt jar or new set of JVM options records
     * another (~2 MB), and the old ones would pile up in the cache. Also removes the partial archives of
     * training runs whose parent JVM exited first (it could not delete them), once their recorder is gone.
     */
    private static void pruneOldArchives(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            List<Path> oldestFirst = all.stream().filter(p -> ARCHIVE_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(ClassDataSharing::lastModified)).toList();
            for (Path old : oldestFirst.subList(0, Math.max(0, oldestFirst.size() - ARCHIVES_KEPT))) {
                Files.deleteIfExists(old);
            }
            for (Path file : all) {
                Matcher partial = PARTIAL_NAME.matcher(file.getFileName().toString());
                if (partial.matches() && ProcessHandle.of(Long.parseLong(partial.group(1))).isEmpty()
                        && lastModified(file).toMillis() < System.currentTimeMillis() - PARTIAL_GRACE_MILLIS) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            // A cache that cannot be listed or pruned only takes more space.
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
