package org.jmultiprocessing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One shutdown hook that runs this library's exit actions in order (children first, then the session
 * directory they may still use); separate JVM hooks would run concurrently.
 */
final class ExitHooks {
    enum Stage { CHILDREN, SESSION }

    private static final List<Runnable> CHILDREN = new ArrayList<>();
    private static final List<Runnable> SESSION = new ArrayList<>();
    private static boolean installed;

    private ExitHooks() {
    }

    static synchronized void add(Stage stage, Runnable action) {
        (stage == Stage.CHILDREN ? CHILDREN : SESSION).add(action);
        if (!installed) {
            installed = true;
            Runtime.getRuntime().addShutdownHook(new Thread(ExitHooks::runAll, "jmp-exit"));
        }
    }

    private static void runAll() {
        List<Runnable> actions;
        synchronized (ExitHooks.class) {
            actions = new ArrayList<>(CHILDREN);
            actions.addAll(SESSION);
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
