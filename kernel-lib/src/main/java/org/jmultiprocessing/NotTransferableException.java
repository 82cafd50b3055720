package org.jmultiprocessing;

/**
 * A target, argument or result cannot be sent to another process: Python's {@code PicklingError}. The
 * message names the value at fault and the path that reaches it, e.g. {@code argument 1 -> field 'socket'
 * (java.net.Socket) is not Serializable}.
 */
public class NotTransferableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NotTransferableException(String message, Throwable cause) {
        super(message, cause);
    }
}
