package org.jmultiprocessing.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One shutdown hook that runs this library's exit actions in order; separate JVM hooks would run
 * concurrently, and each stage needs the previous one done.
 */
public final class ExitHooks {
    /** The stages, in the order they run. */
    public enum Stage {
        /** Queue feeders write what this process put (a child may be waiting for it). */
        FLUSH,
        /** Daemon children are terminated, the others joined, as Python's exit handler does. */
        CHILDREN,
        /** Shared-memory holds end, so that the last user unlinks each file. */
        SHARED,
        /** The session directory goes (in its owner) and the parent watchdog stops (in a child). */
        SESSION
    }

    private static final Map<Stage, List<Runnable>> ACTIONS = new EnumMap<>(Stage.class);
    private static boolean installed;

    private ExitHooks() {
    }

    public static synchronized void add(Stage stage, Runnable action) {
        ACTIONS.computeIfAbsent(stage, s -> new ArrayList<>()).add(action);
        if (!installed) {
            try {
                Runtime.getRuntime().addShutdownHook(LibraryThreads.unstarted(ExitHooks::runAll, "jmp-exit"));
                installed = true;
            } catch (IllegalStateException e) {
                // The JVM is already exiting (a class first used meanwhile): there is no exit left to act at.
            }
        }
    }

    private static void runAll() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (ExitHooks.class) {
            for (Stage stage : Stage.values()) {
                actions.addAll(ACTIONS.getOrDefault(stage, List.of()));
            }
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
    }
}
