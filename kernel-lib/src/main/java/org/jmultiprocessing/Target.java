package org.jmultiprocessing;

import java.io.Serializable;

/**
 * A process target taking no arguments: Python's {@code Process(target=f, args=(...))}.
 *
 * <p>Serializable so that a lambda or method reference written in a notebook cell travels to the child
 * JVM; it may throw any exception, which the child reports like Python's traceback (exit code 1).
 */
@FunctionalInterface
public interface Target extends Serializable {
    void run() throws Exception;
}
