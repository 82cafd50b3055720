package org.jmultiprocessing.internal.launch;

import org.jmultiprocessing.internal.runtime.LibraryThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Copies a child's stdout or stderr to this JVM's stream, whole lines at a time so that two children's
 * lines interleave but never mix. The target stream is looked up for every write because notebook kernels
 * (JJava) swap {@code System.out} for each running cell.
 */
final class OutputRelay {
    private final Thread thread;

    private OutputRelay(InputStream from, Supplier<PrintStream> to, String threadName, Runnable atEnd) {
        thread = LibraryThreads.startDaemon(() -> {
            copy(from, to);
            atEnd.run();
        }, threadName);
    }

    static OutputRelay start(InputStream from, Supplier<PrintStream> to, String threadName) {
        return new OutputRelay(from, to, threadName, () -> { });
    }

    /**
     * A relay that runs {@code atEnd} once the child's end of the pipe is closed, which it is when the child
     * has ended (however it ended), before {@link #awaitDrained} returns.
     */
    static OutputRelay start(InputStream from, Supplier<PrintStream> to, String threadName, Runnable atEnd) {
        return new OutputRelay(from, to, threadName, atEnd);
    }

    /** Waits until the child's end of the pipe is closed and all it wrote has been printed. */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private static void copy(InputStream from, Supplier<PrintStream> to) {
        char[] buffer = new char[8192];
        StringBuilder pending = new StringBuilder();
        try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) != -1) {
                pending.append(buffer, 0, n);
                int end = pending.lastIndexOf("\n") + 1;
                // A partial line is held back only while more is already waiting: a prompt without a
                // newline still shows up promptly.
                if (end == 0 && !reader.ready()) {
                    end = pending.length();
                }
                if (end > 0) {
                    emit(to, pending.substring(0, end));
                    pending.delete(0, end);
                }
            }
        } catch (IOException e) {
            // The child is gone; what was read is printed below.
        }
        if (pending.length() > 0) {
            emit(to, pending.toString());
        }
    }

    private static void emit(Supplier<PrintStream> to, String text) {
        PrintStream out = to.get();
        out.print(text);
        out.flush();
    }
}
