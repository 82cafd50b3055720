package org.jmultiprocessing.internal.shm;

import java.util.ArrayList;
import java.util.List;

/**
 * Attributes the shared objects serialized for a child process to that child, once its process id is known.
 *
 * <p>Serializing a shared object counts a copy in transit, so that the parent may close its own copy right
 * after starting the child (Python's idiom for pipes) without the object vanishing before the child
 * attaches. Counted for the parent, a copy that is serialized but never received (serialized twice, or for
 * a child that failed to start) would keep the object alive, and a pipe end open, for as long as the parent
 * lives. Counted for the child, it lasts at most as long as the child:
 *
 * <pre>{@code
 * try (Transfers.Scope scope = Transfers.begin()) {
 *     byte[] bytes = serialize(target, args);  // every shared object serialized here is recorded
 *     long pid = launch(bytes);
 *     scope.assignTo(pid);                     // without this, close() forgets the copies: nobody receives them
 * }
 * }</pre>
 *
 * Scopes belong to the thread that opened them.
 */
public final class Transfers {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private Transfers() {
    }

    /** Starts recording the copies this thread serializes, until the scope is closed. */
    public static Scope begin() {
        Scope scope = new Scope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    static boolean isRecording() {
        return CURRENT.get() != null;
    }

    /** Records a copy for the current scope; the region stays mapped until the copy is assigned or forgotten. */
    static void record(SharedRegion region, int group) {
        CURRENT.get().copies.add(new Copy(region, group));
    }

    private record Copy(SharedRegion region, int group) {
    }

    /** The copies serialized for one child. */
    public static final class Scope implements AutoCloseable {
        private final Scope outer;
        private final List<Copy> copies = new ArrayList<>();
        private boolean settled;

        private Scope(Scope outer) {
            this.outer = outer;
        }

        /** Counts every recorded copy for the child {@code pid} instead of this process. */
        public void assignTo(long pid) {
            settle();
            for (Copy copy : copies) {
                try {
                    copy.region().assignTransit(copy.group(), pid);
                } finally {
                    copy.region().unretain();
                }
            }
        }

        /** Ends recording; copies not assigned to a child are forgotten, since no process will receive them. */
        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.set(outer);
            }
            if (!settled) {
                settle();
                for (Copy copy : copies) {
                    try {
                        copy.region().cancelTransit(copy.group());
                    } finally {
                        copy.region().unretain();
                    }
                }
            }
        }

        private void settle() {
            if (settled) {
                throw new IllegalStateException("the copies of this transfer were already assigned or forgotten");
            }
            settled = true;
            if (CURRENT.get() == this) {
                CURRENT.set(outer);
            }
        }
    }
}
