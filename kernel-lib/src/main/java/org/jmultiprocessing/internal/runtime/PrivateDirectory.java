package org.jmultiprocessing.internal.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A directory only this user can reach: a real directory (not a symbolic link), owned by the user this JVM
 * runs as, mode 0700. What such a directory holds was put there by this user (or root), so this library
 * may trust it (a class-data archive) or delete in it (a session directory). Anything else, in a
 * world-writable place like {@code /dev/shm} or a home another user can write to, may be someone else's.
 */
public final class PrivateDirectory {
    static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rwx------");
    private static volatile UserPrincipal currentUser;

    private PrivateDirectory() {
    }

    /** For creating one; the umask can only take bits away, so the result still needs {@link #isPrivate}. */
    public static FileAttribute<Set<PosixFilePermission>> mode() {
        return PosixFilePermissions.asFileAttribute(MODE);
    }

    /** Whether {@code path} itself (a link is not followed) is a private directory. */
    public static boolean isPrivate(Path path) {
        try {
            return isPrivate(Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Whether these attributes, read without following a link, are those of a private directory. */
    static boolean isPrivate(PosixFileAttributes attributes) throws IOException {
        return attributes.isDirectory() && !attributes.isSymbolicLink() && attributes.permissions().equals(MODE)
                && attributes.owner().equals(currentUser());
    }

    /**
     * The user files created by this JVM belong to: the owner of {@code /proc/self}, else of a file created
     * for the purpose. (The {@code user.name} property is a name, which a container may not map to the uid.)
     */
    static UserPrincipal currentUser() throws IOException {
        UserPrincipal user = currentUser;
        if (user == null) {
            Path self = Paths.get("/proc/self");
            if (Files.isDirectory(self)) {
                user = Files.getOwner(self);
            } else {
                Path probe = Files.createTempFile("jmp-owner", ".probe");
                try {
                    user = Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
                } finally {
                    Files.deleteIfExists(probe);
                }
            }
            currentUser = user;
        }
        return user;
    }
}
