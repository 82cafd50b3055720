package org.jmultiprocessing.spi;

/**
 * How a socket connection ({@code Listener}, {@code Client}) turns the objects of {@code send} and
 * {@code recv} into the bytes of one message and back: Java's own form by default, or another that the
 * peer speaks (kernel-python's pickle, for a CPython peer). {@code sendBytes} and {@code recvBytes} pass
 * bytes as they are, whatever the format.
 */
public interface MessageFormat {
    /**
     * The bytes of one message. A value the format cannot carry is an {@link IllegalArgumentException} that
     * names it and says what the format carries.
     */
    byte[] encode(Object message);

    /**
     * The object of one message. Bytes that are no message of this format are an
     * {@link java.io.UncheckedIOException} that says so.
     */
    Object decode(byte[] message);
}
