package org.jmultiprocessing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Another party of a behaviour test, as the context runs one: a child JVM for the process context (the
 * task's shared objects travel by their handles), a thread of this JVM for the thread context (whose objects
 * cannot leave it, so the task uses the very same objects).
 */
final class OtherParty {
    private final ChildJvm child;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private OtherParty(Context context, ChildJvm.Task task) {
        if (context.name().equals("thread")) {
            child = null;
            thread = new Thread(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "other-party");
            thread.setDaemon(true);
            thread.start();
        } else {
            child = ChildJvm.start(task);
            thread = null;
        }
    }

    static OtherParty start(Context context, ChildJvm.Task task) {
        return new OtherParty(context, task);
    }

    /** Waits for the party to end; an {@link AssertionError} if its task failed. */
    void joinSuccessfully() throws InterruptedException {
        if (child != null) {
            child.joinSuccessfully();
            return;
        }
        thread.join(TimeUnit.SECONDS.toMillis(120));
        if (thread.isAlive()) {
            throw new AssertionError("the other party's thread did not finish within 120 s");
        }
        if (failure.get() != null) {
            throw new AssertionError("the other party's task failed", failure.get());
        }
    }
}
