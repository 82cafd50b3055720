package org.jmultiprocessing.internal.logging;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

import org.jmultiprocessing.internal.runtime.Internals;

/**
 * The library's logger, Python's {@code multiprocessing.util} logger: lifecycle events (a child calling its
 * target and exiting, pools starting and stopping) at DEBUG and INFO. Off by default, as Python's logger has
 * no handler; {@link #toStderr} prints every record at or above a level to stderr as Python's
 * {@code log_to_stderr()} does ({@code [INFO/Process-1] message}), in this JVM and, passed in the start-up
 * handshake, in the child JVMs it starts. With stderr logging off, warnings and errors go to the platform's
 * {@code System.Logger} of the same name, as Python's last-resort handler prints them.
 */
public final class LibraryLog implements System.Logger {
    public static final LibraryLog INSTANCE = new LibraryLog();
    public static final String NAME = "org.jmultiprocessing";

    /** The least level printed to stderr, or null when stderr logging is off. */
    private static volatile Level stderrLevel;

    private LibraryLog() {
    }

    /** Prints records at or above {@code level} to stderr from now on; {@code Level.OFF} stops it. */
    public static void toStderr(Level level) {
        stderrLevel = Objects.requireNonNull(level, "level") == Level.OFF ? null : level;
    }

    /** The stderr level as the handshake passes it to a child: a level's name, or "" when off. */
    public static String stderrLevelName() {
        Level level = stderrLevel;
        return level == null ? "" : level.name();
    }

    /** In a child, before its task runs: the parent's {@link #stderrLevelName()}. */
    public static void inheritStderrLevel(String name) {
        stderrLevel = name.isEmpty() ? null : Level.valueOf(name);
    }

    /**
     * Whether a record at {@code level} goes anywhere: callers on a child's start-up path test it before
     * building a message, so that a logger that is off costs no string and no lambda.
     */
    public static boolean isOn(Level level) {
        Level threshold = stderrLevel;
        int least = threshold == null ? Level.WARNING.getSeverity() : threshold.getSeverity();
        return level != Level.OFF && level.getSeverity() >= least;
    }

    /** Logs {@code message} for the process {@code processName} (a thread process names itself). */
    public static void event(Level level, String processName, String message) {
        if (!isOn(level)) {
            return;
        }
        if (stderrLevel == null) {
            System.getLogger(NAME).log(level, message);
        } else {
            print(level, processName, message);
        }
    }

    /** Logs {@code message} for this JVM's process. */
    public static void event(Level level, String message) {
        event(level, Internals.processName(), message);
    }

    private static void print(Level level, String processName, String message) {
        PrintStream err = System.err;
        err.println("[" + level.name() + "/" + processName + "] " + message);
        err.flush();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isLoggable(Level level) {
        return isOn(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (!isLoggable(level)) {
            return;
        }
        String text = localized(bundle, msg);
        if (stderrLevel == null) {
            System.getLogger(NAME).log(level, bundle, msg, thrown);
            return;
        }
        print(level, Internals.processName(), thrown == null ? text : text + ": " + thrown);
        if (thrown != null) {
            thrown.printStackTrace();
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (!isLoggable(level)) {
            return;
        }
        if (stderrLevel == null) {
            System.getLogger(NAME).log(level, bundle, format, params);
            return;
        }
        String text = localized(bundle, format);
        print(level, Internals.processName(), params == null || params.length == 0 ? text
                : new MessageFormat(text, Locale.ROOT).format(params));
    }

    private static String localized(ResourceBundle bundle, String key) {
        if (key == null) {
            return "null";
        }
        return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}
