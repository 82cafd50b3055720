package org.jmultiprocessing;

import org.jmultiprocessing.spi.Channels;

/**
 * A pair of connected {@link Connection}s (Python's {@code multiprocessing.Pipe}):
 * {@code conn1, conn2 = Pipe()} is {@code var pipe = new Pipe(); var conn1 = pipe.conn1(); var conn2 = pipe.conn2();}.
 * A duplex pipe (the default) carries messages both ways; {@code new Pipe(false)} is one-way:
 * {@link #conn1()} only receives and {@link #conn2()} only sends.
 *
 * <p>As with Python's file descriptors, every process that holds an end keeps it open: a receiver sees
 * end-of-file ({@link Connection.EOF}) once every copy of the other end is closed or its process has exited,
 * so close the copies a process does not use (typically the parent's copy of the child's end, after starting
 * the child). A {@code Pipe} itself is deliberately not serializable: pass the end a child needs, so that
 * it holds only that one (a notebook variable holding the pair, copied into every child whose cell code
 * uses it, would otherwise keep both ends open in those children and end-of-file would never come).
 */
public final class Pipe {
    private final Connection conn1;
    private final Connection conn2;

    /** A duplex pipe. */
    public Pipe() {
        this(true);
    }

    public Pipe(boolean duplex) {
        this(Context.defaultContext(), duplex);
    }

    Pipe(Context context, boolean duplex) {
        Channels.Ends ends = context.backend().channels().pipe(duplex);
        this.conn1 = new Connection(ends.first(), 0);
        this.conn2 = new Connection(ends.second(), 1);
    }

    /** The first end; receive-only on a one-way pipe. */
    public Connection conn1() {
        return conn1;
    }

    /** The second end; send-only on a one-way pipe. */
    public Connection conn2() {
        return conn2;
    }
}
