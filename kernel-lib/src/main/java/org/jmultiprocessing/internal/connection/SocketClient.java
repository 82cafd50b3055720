package org.jmultiprocessing.internal.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

import org.jmultiprocessing.spi.MessageFormat;
import org.jmultiprocessing.spi.PipeEnd;

/**
 * Python's {@code multiprocessing.connection.Client}: connects to a listener, then answers its challenge and
 * challenges it in turn.
 */
public final class SocketClient {
    private SocketClient() {
    }

    /** A connection to the listener at {@code address} ({@link Addresses}), authenticated when {@code authkey} is not null. */
    public static PipeEnd connect(String address, byte[] authkey, MessageFormat format) {
        SocketAddress remote = Addresses.parse(address);
        SocketChannel channel;
        try {
            channel = SocketChannel.open(remote);
        } catch (IOException e) {
            String hint = remote instanceof UnixDomainSocketAddress ? " (is a listener open at that path?)"
                    : " (is a listener open at that host and port?)";
            throw new UncheckedIOException("cannot connect to " + address + ": " + e.getMessage() + hint, e);
        }
        SocketEnd end;
        try {
            end = new SocketEnd(channel, format, "the listener at " + address);
        } catch (IOException e) {
            SocketListener.closeQuietly(channel);
            throw new UncheckedIOException("cannot set up the connection to " + address + ": " + e.getMessage(), e);
        }
        if (authkey != null) {
            try {
                Challenge.authenticateListener(end, authkey);
            } catch (RuntimeException e) {
                end.close();
                throw e;
            }
        }
        return end;
    }
}
