package org.jmultiprocessing.internal.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a process start goes, for the benchmark: off unless the system property {@value #PROPERTY} names a
 * file, read once, so that each mark costs a test of a constant when off. When on, the parent and every child
 * append lines {@code <pid> <subject pid> <nanoTime> <phase>} to that one file, and child JVMs get the property
 * too. {@link System#nanoTime} is CLOCK_MONOTONIC on Linux: comparable across the processes of one machine.
 */
public final class StartPhases {
    public static final String PROPERTY = "jmultiprocessing.startPhases";
    private static final FileChannel OUT = open(System.getProperty(PROPERTY));

    private StartPhases() {
    }

    /** Whether phases are recorded. */
    public static boolean on() {
        return OUT != null;
    }

    /** The file phases go to, for a child's command line; null when off. */
    public static String file() {
        return OUT == null ? null : System.getProperty(PROPERTY);
    }

    /** This process reached {@code phase} now, in its own start. */
    public static void mark(String phase) {
        if (OUT != null) {
            write(ProcessHandle.current().pid(), System.nanoTime(), phase);
        }
    }

    /** This process saw the start of child {@code subject} reach {@code phase} at {@code nanos}. */
    public static void mark(long subject, String phase, long nanos) {
        if (OUT != null) {
            write(subject, nanos, phase);
        }
    }

    private static void write(long subject, long nanos, String phase) {
        String line = ProcessHandle.current().pid() + " " + subject + " " + nanos + " " + phase + "\n";
        try {
            // One write of an appending file: lines of several processes interleave whole.
            OUT.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            // Only a measurement: a full disk loses marks, not the start.
        }
    }

    private static FileChannel open(String file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return FileChannel.open(Path.of(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            System.err.println("jmultiprocessing: cannot record start phases in " + file + ": " + e);
            return null;
        }
    }
}
