package org.jmultiprocessing.spi;

/**
 * Thrown by a {@link MessageChannel} when the other side is gone: nothing more can arrive, or nothing sent
 * can be received. The message says which; the public classes turn it into Python's errors.
 */
public final class PeerGoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PeerGoneException(String message) {
        super(message);
    }
}
