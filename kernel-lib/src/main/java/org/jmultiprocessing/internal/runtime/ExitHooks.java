package org.jmultiprocessing.internal.runtime;

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
        /** This process lets go of the session; the last one to do so removes its directory. */
        SESSION
    }

    private static final Map<Stage, List<Runnable>> ACTIONS = new EnumMap<>(Stage.class);
    private static boolean installed;

    private ExitHooks() {
    }

    /** Without lambdas: every child adds one early, and a child's first lambda costs it milliseconds to link. */
    public static synchronized void add(Stage stage, Runnable action) {
        List<Runnable> actions = ACTIONS.get(stage);
        if (actions == null) {
            actions = new ArrayList<>();
            ACTIONS.put(stage, actions);
        }
        actions.add(action);
        if (!installed) {
            try {
                Runtime.getRuntime().addShutdownHook(LibraryThreads.unstarted(new RunAll(), "jmp-exit"));
                installed = true;
            } catch (IllegalStateException e) {
                // The JVM is already exiting (a class first used meanwhile): there is no exit left to act at.
            }
        }
    }

    private static final class RunAll implements Runnable {
        @Override
        public void run() {
            runAll();
        }
    }

    private static void runAll() {
        StartPhases.mark("exit-hooks-begun");
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
        StartPhases.mark("exit-hooks-done");
    }
}
