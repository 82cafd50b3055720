package org.jmultiprocessing.internal.manager;

/** Carries a checked exception that a method of a registered class threw in the manager's server. */
final class RemoteCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RemoteCallException(Throwable thrown) {
        super("the manager's server threw " + thrown, thrown);
    }
}
