package org.jmultiprocessing.internal.shm;

import java.io.Serializable;
import java.nio.file.Path;

import org.jmultiprocessing.internal.runtime.Internals;

/**
 * The serialized form of a shared object: its file, the process that sent it, and how the receiver makes its
 * copy. A shared object's {@code writeReplace} returns {@code SharedHandle.of(region, group, Event::new)};
 * the receiving process attaches to the file and calls the {@link Attacher}, whose object then ends the
 * transit with {@link SharedRegion#acceptTransit}.
 */
public final class SharedHandle implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the receiving process's copy of a shared object, attached to its region, from the sender's process
     * id. Travels with the handle, so what it captures is serialized too: never the object itself (it would be
     * serialized inside its own handle), only the values it needs.
     */
    @FunctionalInterface
    public interface Attacher extends Serializable {
        Object attach(SharedRegion region, long senderPid);
    }

    private final String path;
    private final long senderPid;
    private final Attacher attacher;

    private SharedHandle(String path, long senderPid, Attacher attacher) {
        this.path = path;
        this.senderPid = senderPid;
        this.attacher = attacher;
    }

    /**
     * The serialized form of the object held as {@code group} of {@code region}; counts a copy in transit
     * (see {@link SharedRegion#holdInTransit}).
     */
    public static SharedHandle of(SharedRegion region, int group, Attacher attacher) {
        region.holdInTransit(group);
        return new SharedHandle(region.path().toString(), Internals.pid(), attacher);
    }

    private Object readResolve() {
        return attacher.attach(SharedRegion.attach(Path.of(path)), senderPid);
    }
}
