package org.jmultiprocessing.internal.connection;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses of listeners and clients, as strings: {@code "host:port"} (an IPv6 host in brackets,
 * {@code "[::1]:6000"}; no host, {@code ":6000"}, is the loopback address; port 0 a free one) is TCP, and
 * anything else the path of a Unix-domain socket, as a string address is in Python.
 */
public final class Addresses {
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.%\\w]+]|[A-Za-z0-9.\\-]*):(\\d{1,5})");

    private Addresses() {
    }

    /** The socket address that {@code address} names. */
    public static SocketAddress parse(String address) {
        if (address.isEmpty()) {
            throw new IllegalArgumentException("address is empty: give a socket path such as \"/tmp/work.sock\","
                    + " or \"host:port\" such as \"localhost:6000\"");
        }
        Matcher m = HOST_PORT.matcher(address);
        if (!m.matches()) {
            return UnixDomainSocketAddress.of(address);
        }
        int port = Integer.parseInt(m.group(2));
        if (port > 65535) {
            throw new IllegalArgumentException("port " + port + " of address \"" + address + "\" is out of range 0-65535");
        }
        String host = m.group(1);
        if (host.isEmpty()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }
        InetSocketAddress inet = new InetSocketAddress(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
        if (inet.isUnresolved()) {
            throw new IllegalArgumentException("unknown host \"" + host + "\" in address \"" + address + "\"");
        }
        return inet;
    }

    /** The string form of {@code address}, which {@link #parse} reads back. */
    public static String format(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            return unix.getPath().toString();
        }
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        throw new IllegalArgumentException("not a Unix-domain or TCP socket address: " + address + " ("
                + address.getClass().getName() + ")");
    }
}
