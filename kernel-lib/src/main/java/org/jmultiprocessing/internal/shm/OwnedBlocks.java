package org.jmultiprocessing.internal.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jmultiprocessing.internal.runtime.ExitHooks;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.spi.SharedBlocks;

/**
 * The blocks of one {@code SharedMemoryManager}, recorded in the session directory as the file
 * {@code smm-<owner pid>-<random>}, one block name a line, so that they are unlinked whichever way the owner
 * ends: at {@link #unlinkAll()} (its shutdown), at its exit, and, when it is killed, by the process that
 * started it, which {@link #sweepOwnedBy sweeps} the records of every child that ends. A root process killed
 * takes the whole session directory with it, records and blocks alike.
 */
public final class OwnedBlocks implements SharedBlocks.Owned {
    private static final String PREFIX = "smm-";
    /** The records of this process not yet unlinked, for its exit. */
    private static final Set<OwnedBlocks> OPEN = new LinkedHashSet<>();
    private static boolean exitHookAdded;

    private final Path record;
    private final Set<String> names = new LinkedHashSet<>();
    private boolean unlinked;

    private OwnedBlocks(Path record) {
        this.record = record;
    }

    static OwnedBlocks create() {
        Path record = Session.current().newPath(PREFIX + Internals.pid());
        try {
            Files.createFile(record, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the record of a SharedMemoryManager's blocks, " + record, e);
        }
        OwnedBlocks owned = new OwnedBlocks(record);
        synchronized (OwnedBlocks.class) {
            OPEN.add(owned);
            if (!exitHookAdded) {
                ExitHooks.add(ExitHooks.Stage.SHARED, new UnlinkAtExit());
                exitHookAdded = true;
            }
        }
        return owned;
    }

    @Override
    public synchronized void add(String name) {
        if (unlinked) {
            throw new IllegalStateException("the blocks of this record were unlinked");
        }
        try {
            Files.write(record, (name + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record shared memory block " + name + " in " + record, e);
        }
        names.add(name);
    }

    @Override
    public void unlinkAll() {
        List<String> toUnlink;
        synchronized (this) {
            if (unlinked) {
                return;
            }
            unlinked = true;
            toUnlink = new ArrayList<>(names);
        }
        synchronized (OwnedBlocks.class) {
            OPEN.remove(this);
        }
        Path directory = record.getParent();
        for (String name : toUnlink) {
            deleteQuietly(directory.resolve(SharedBlock.PREFIX + name));
        }
        deleteQuietly(record);
    }

    /**
     * Unlinks the blocks recorded by the process {@code pid}, which has ended, and its records: called by
     * the process that started it. Cheap when it recorded none: one look at the session directory.
     */
    public static void sweepOwnedBy(long pid) {
        Path directory = Session.current().directory();
        try (DirectoryStream<Path> records = Files.newDirectoryStream(directory, PREFIX + pid + "-*")) {
            for (Path record : records) {
                for (String name : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                    if (!name.isEmpty() && name.indexOf('/') < 0) {
                        deleteQuietly(directory.resolve(SharedBlock.PREFIX + name));
                    }
                }
                deleteQuietly(record);
            }
        } catch (NoSuchFileException e) {
            // The session directory is gone, and every block with it.
        } catch (IOException | UncheckedIOException e) {
            // What is left goes with the session directory.
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left to the end of the session, which removes the directory.
        }
    }

    /** At exit, as Python's manager is shut down by its finalizer: this process's records are unlinked. */
    private static final class UnlinkAtExit implements Runnable {
        @Override
        public void run() {
            List<OwnedBlocks> open;
            synchronized (OwnedBlocks.class) {
                open = new ArrayList<>(OPEN);
            }
            open.forEach(OwnedBlocks::unlinkAll);
        }
    }
}
