package org.jmultiprocessing.spi;

/**
 * Finds the bytecode of classes that exist only in this JVM's memory, such as classes compiled from notebook
 * cells, so that they can be defined again in a child JVM.
 *
 * <p>kernel-lib knows JShell's own loader (IJava, plain {@code jshell}), JJava's, and in a child the classes its
 * parent shipped (which it passes on to its own children). A kernel that keeps
 * snippet classes elsewhere plugs in with an implementation listed in
 * {@code META-INF/services/org.jmultiprocessing.spi.ClassBytesSource}.
 */
public interface ClassBytesSource {
    /**
     * The bytecode of the class {@code binaryName} (e.g. {@code REPL.$JShell$12$Point}) as defined by
     * {@code loader}, or {@code null} if this source does not hold it, or the class can be loaded from a
     * classpath entry (which the child gets anyway).
     */
    byte[] classBytes(ClassLoader loader, String binaryName);
}
