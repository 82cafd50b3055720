package org.jmultiprocessing.spi;

import java.io.Serializable;

/**
 * What a process runs, as it travels to where it runs: the process's name, daemon flag and identity (its
 * position in the tree, Python's {@code _identity}), and its target with the arguments. The target is a
 * {@code Target}..{@code Target4} taking {@code args}, or an {@link ObjectRun} for a process object whose own
 * {@code run()} is the code (a subclass of {@code Process}).
 */
public record ProcessTask(String name, boolean daemon, int[] identity, Serializable target, Object[] args)
        implements Serializable {

    /**
     * A target that runs a process object's own {@code run()}: its frames in a stack trace are the library's,
     * not the user's, and a traceback leaves them out.
     */
    public interface ObjectRun extends Serializable {
        /** The process object whose {@code run()} this target calls. */
        Object process();
    }
}
