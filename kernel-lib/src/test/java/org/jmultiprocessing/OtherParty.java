package org.jmultiprocessing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Another party of a behaviour test, as the context runs one: a child JVM for the process context (the
 * task's shared objects travel by their handles), a thread of this JVM for the thread context (whose objects
 * cannot leave it, so the task uses the very same objects), and for another module's context a thread of
 * this JVM running a copy of the task that went through serialization.
 */
final class OtherParty {
    private final ChildJvm child;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private OtherParty(Context context, ChildJvm.Task task) {
        if (context.name().equals("process")) {
            child = ChildJvm.start(task);
            thread = null;
            return;
        }
        child = null;
        // Another module's context (a cluster's): its objects travel by their handles and reattach in this
        // JVM, so the thread runs a copy of the task that went through serialization, as a process's would.
        ChildJvm.Task run = context.name().equals("thread") ? task : travelled(task);
        thread = new Thread(() -> {
            try {
                run.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "other-party");
        thread.setDaemon(true);
        thread.start();
    }

    private static ChildJvm.Task travelled(ChildJvm.Task task) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(task);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (ChildJvm.Task) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("the other party's task did not travel", e);
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
