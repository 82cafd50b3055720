package org.jmultiprocessing.internal.runtime;

import java.util.Map;

/**
 * Exit statuses as Python reports them. A JVM ended by signal N exits with status 128 + N (the JDK reports a
 * signal death the same way), so statuses 129 to 159 are shown as {@code -N}, Python's convention.
 */
public final class ExitCodes {
    private static final Map<Integer, String> SIGNAL_NAMES = Map.of(
            1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9, "SIGKILL",
            11, "SIGSEGV", 13, "SIGPIPE", 14, "SIGALRM", 15, "SIGTERM");

    public static final int SIGTERM = 15;

    private ExitCodes() {
    }

    /** Python's exit code for an operating-system exit status. */
    public static int fromStatus(int status) {
        return status > 128 && status < 160 ? -(status - 128) : status;
    }

    /** The status with which a child ended by signal {@code signal} exits. */
    public static int statusForSignal(int signal) {
        return 128 + signal;
    }

    /** As in Python's repr: {@code -SIGTERM} for a signal, the number otherwise. */
    public static String describe(int exitCode) {
        String signal = exitCode < 0 ? SIGNAL_NAMES.get(-exitCode) : null;
        return signal != null ? "-" + signal : Integer.toString(exitCode);
    }
}
