package org.jmultiprocessing;

/**
 * A connection's peer did not prove the shared authkey, or refused this side's proof: Python's
 * {@code multiprocessing.AuthenticationError}. Thrown on both sides of a {@link Listener} and {@link Client}
 * connection whose keys differ, before any message is decoded; the connection is closed.
 */
public class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
