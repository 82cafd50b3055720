package org.jmultiprocessing.spi;

/**
 * What a context runs on: Python's start methods and {@code multiprocessing.dummy}, as one object per kind.
 * The public classes ({@code Process}, {@code Queue}, {@code Lock}, ...) hold Python's semantics (argument
 * checks, timeouts, errors) and call only these interfaces; a backend supplies the mechanism.
 *
 * <p>kernel-lib has two: {@code "process"} (child JVMs and shared memory, the default) and {@code "thread"}
 * (threads of this JVM). Another backend implements this interface, lists its class in
 * {@code META-INF/services/org.jmultiprocessing.spi.Backend}, and is then found by
 * {@code Multiprocessing.getContext(name)}.
 */
public interface Backend {
    /** The name {@code Multiprocessing.getContext(name)} takes, e.g. {@code "thread"}. */
    String name();

    /** Starts, watches and stops processes. */
    Processes processes();

    /** Runs pools of workers. */
    Pools pools();

    /** Queues and pipes. */
    Channels channels();

    /** Locks, semaphores and conditions. */
    Locks locks();

    /** Events and barriers. */
    Signals signals();

    /** Shared values and arrays of primitives. */
    SharedCells cells();

    /** Named blocks of shared memory. */
    SharedBlocks memory();

    /** Managers (servers of shared objects and their proxies); a backend without them says what to use instead. */
    default Managers managers() {
        throw new UnsupportedOperationException("the \"" + name() + "\" context has no Manager");
    }
}
