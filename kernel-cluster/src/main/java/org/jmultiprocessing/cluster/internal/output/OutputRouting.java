package org.jmultiprocessing.cluster.internal.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A member's {@code System.out} and {@code System.err}, routed per task: a thread running a task (and every
 * thread it starts) writes to that task's {@link TaskOutput}; every other thread (Hazelcast's own) to the
 * member's original streams.
 */
public final class OutputRouting {
    private static final InheritableThreadLocal<TaskOutput> CURRENT = new InheritableThreadLocal<>();

    private OutputRouting() {
    }

    /** Replaces {@code System.out} and {@code System.err}; called once, when the member starts. */
    public static void install() {
        System.setOut(routed(System.out, OutputMessage.OUT));
        System.setErr(routed(System.err, OutputMessage.ERR));
    }

    /** The calling thread's output goes to {@code output} until {@link #end}. */
    public static void begin(TaskOutput output) {
        System.out.flush();
        System.err.flush();
        CURRENT.set(output);
    }

    /** Ends the routing of the calling thread; returns how many messages its task published. */
    public static long end() {
        TaskOutput output = CURRENT.get();
        // PrintStreams may still hold text that was printed without a newline.
        System.out.flush();
        System.err.flush();
        CURRENT.remove();
        return output == null ? 0 : output.close();
    }

    private static PrintStream routed(PrintStream original, byte stream) {
        OutputStream routing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                TaskOutput output = CURRENT.get();
                if (output == null || !output.write(stream, bytes, offset, length)) {
                    original.write(bytes, offset, length);
                }
            }

            @Override
            public void flush() {
                TaskOutput output = CURRENT.get();
                if (output == null || !output.flush(stream)) {
                    original.flush();
                }
            }
        };
        return new PrintStream(routing, true, StandardCharsets.UTF_8);
    }
}
