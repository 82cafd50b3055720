package org.jmultiprocessing.internal.launch;

import org.jmultiprocessing.internal.logging.LibraryLog;
import org.jmultiprocessing.internal.runtime.ExitCodes;

import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.LibraryThreads;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.internal.runtime.SessionLifetime;
import org.jmultiprocessing.internal.runtime.StartPhases;
import org.jmultiprocessing.internal.ship.PlainShipment;
import org.jmultiprocessing.internal.ship.ShippedClassLoader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jmultiprocessing.Target;
import org.jmultiprocessing.internal.shm.SharedRegion;
import org.jmultiprocessing.spi.ProcessTask;

/**
 * The child JVM's entry point: Python's spawn bootstrap. Reads the prepare frame, then the task frame
 * (see {@link Bootstrap}), runs the process and exits with its exit code.
 */
public final class ChildMain {
    private static final long PARENT_CHECK_MILLIS = 200;

    private ChildMain() {
    }

    /**
     * The argument that marks a ready standby, which has time to warm up before its task arrives; the
     * session directory follows it.
     */
    static final String STANDBY = "--standby";

    /**
     * The argument of {@link ClassDataSharing}'s training run: warm up as a standby would, run a task as a
     * child would (its frames made here rather than read from a parent), then exit.
     */
    static final String TRAIN = "--train";

    public static void main(String[] args) {
        StartPhases.mark("main");
        boolean training = args.length > 0 && TRAIN.equals(args[0]);
        boolean standby = args.length > 1 && STANDBY.equals(args[0]);
        Thread warmUp = training || standby ? warmUp() : null;
        InputStream control = training ? trainingFrames() : new FileInputStream(FileDescriptor.in);
        // The child's own code sees an empty stdin, as in Python; the real one is the parent's channel.
        System.setIn(InputStream.nullInputStream());
        // Unbuffered UTF-8 so that nothing is lost when the child is terminated and the parent decodes it right.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        haltOnSigterm();
        if (standby) {
            // A standby takes part in its session from the start: its parent may die before handing a task over.
            SessionLifetime.hold(Paths.get(args[1]));
        }

        DataInputStream in = new DataInputStream(new BufferedInputStream(control, 1 << 16));
        Bootstrap.Preparation preparation;
        try {
            preparation = Bootstrap.readPreparation(in);
        } catch (IOException e) {
            // The parent went away (end of stdin) before handing over a task: nothing to report to.
            SessionLifetime.end();
            Runtime.getRuntime().halt(1);
            return;
        }
        StartPhases.mark("prepare-read");
        Session.adopt(preparation.sessionDir(), preparation.authKey());
        ShippedClassLoader loader = new ShippedClassLoader(preparation.classpath(), ChildMain.class.getClassLoader());
        loader.add(preparation.classes());
        Thread.currentThread().setContextClassLoader(loader);
        StartPhases.mark("classes-defined");

        ProcessTask task;
        try {
            Deserialization.setUserFilter(preparation.serialFilter());
            LibraryLog.inheritStderrLevel(preparation.logLevel());
            loader.restoreVariables(Bootstrap.readBytes(in));
            task = (ProcessTask) loader.deserialize(Bootstrap.readBytes(in));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println("The child process could not receive its task from the parent:");
            e.printStackTrace();
            System.exit(1);
            return;
        }
        // The training run's session directory is only the temp directory, not a session to take part in.
        StartPhases.mark("task-read");
        watchParent(preparation.parentPid(), training ? null : preparation.sessionDir());
        Internals.becomeChild(task, preparation.parentName(), preparation.parentPid());
        StartPhases.mark("target-begun");
        int code = TaskRunner.run(task);
        if (training) {
            joinQuietly(warmUp);
        }
        StartPhases.mark("exit-begun");
        System.exit(code);
    }

    /**
     * The frames a parent would send, made here for the training run, so that it loads what a real child
     * loads: a process whose target does nothing.
     */
    private static InputStream trainingFrames() {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(frames)) {
            long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
            Bootstrap.writePreparation(out, new Bootstrap.Preparation(Paths.get(System.getProperty("java.io.tmpdir")),
                    new byte[32], "MainProcess", parentPid, "", "", List.of(), Map.of()));
            Bootstrap.writeBytes(out, PlainShipment.encodeVariables(Map.of()));
            ProcessTask training = new ProcessTask("Process-1", false, new int[] {1}, (Target) ChildMain::trainingTarget,
                    new Object[0]);
            Bootstrap.writeBytes(out, PlainShipment.encode(training, new HashSet<>()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // A byte array does not fail.
        }
        return new ByteArrayInputStream(frames.toByteArray());
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void trainingTarget() {
        System.out.print("");
    }

    /**
     * Loads and links what every task needs while a standby waits for its frames, so that it is ready at
     * once. (A cold start has its frames waiting already: there the same work on a second thread only
     * competes with the main thread.) The probes have the shapes of real frames: a lambda in compact form
     * and in an object graph, and the nested maps of notebook variables; then the steps the backend gave
     * the launcher ({@link Launcher#addWarmUp}), e.g. what a pool worker runs.
     */
    private static Thread warmUp() {
        return LibraryThreads.startDaemon(() -> {
            try {
                warmUpSteps();
            } catch (RuntimeException | LinkageError e) {
                // Only a warm-up. A task that arrives early may also end the JVM midway; then class
                // initializers fail ("Shutdown in progress"), and nothing may be printed into the notebook.
            }
        }, "jmp-warm-up");
    }

    private static void warmUpSteps() {
        Target lambda = () -> { };
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        variables.put("probe", new LinkedHashMap<>(Map.of("value", 1)));
        ObjectStreamClass.lookup(ProcessTask.class);
        SharedRegion.warmUp(); // a Queue, Pipe end, Lock, Value... among the arguments
        SessionLifetime.class.getName(); // every child's parent watchdog runs it first: into the archive too
        for (String step : Launcher.warmUpSteps()) {
            try {
                Class<?> type = Class.forName(step, true, ChildMain.class.getClassLoader());
                ((Runnable) type.getDeclaredConstructor().newInstance()).run();
            } catch (ReflectiveOperationException | ClassCastException e) {
                // Only a warm-up: a step that is not there costs the task its own loading.
            }
        }
        try {
            PlainShipment.decode(PlainShipment.encode(lambda, new HashSet<>()), ChildMain.class.getClassLoader());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(new Object[] {lambda, variables});
            }
            byte[] serialized = bytes.toByteArray();
            Deserialization.read(serialized, 0, serialized.length, ChildMain.class.getClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            // Only a warm-up: the task's own deserialization reports real problems.
        }
    }

    /**
     * Ends this JVM within {@link #PARENT_CHECK_MILLIS} when its parent dies (the kernel restarts or is
     * killed): the child is then re-parented. Polling from a sleeping thread rather than blocking on stdin
     * matters: at exit the JVM waits, in 10 ms steps, for threads inside native code; so does sleeping
     * first, or the first check races a short task's exit. The same thread first joins the session's
     * lifetime ({@link SessionLifetime}), off the task's start. A named class, not a lambda: see
     * {@link #haltOnSigterm}.
     */
    private static void watchParent(long parentPid, Path sessionDir) {
        LibraryThreads.startDaemon(new ParentWatchdog(parentPid, sessionDir), "jmp-parent-watchdog");
    }

    private static final class ParentWatchdog implements Runnable {
        private final long parentPid;
        private final Path sessionDir;

        ParentWatchdog(long parentPid, Path sessionDir) {
            this.parentPid = parentPid;
            this.sessionDir = sessionDir;
        }

        @Override
        public void run() {
            if (sessionDir != null) {
                SessionLifetime.hold(sessionDir);
            }
            try {
                do {
                    Thread.sleep(PARENT_CHECK_MILLIS);
                } while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid);
            } catch (InterruptedException e) {
                return;
            }
            SessionLifetime.end();
            Runtime.getRuntime().halt(1);
        }
    }

    /**
     * Python's {@code terminate()} ends the child at once, without running finally blocks or exit handlers;
     * the JVM would run shutdown hooks (which join this child's own children). {@code sun.misc.Signal} in
     * jdk.unsupported is the only way; javac warns about it once. The handler is a named class: a lambda here
     * would be the child's first, and bootstrapping lambdas costs a cold JVM ~5 ms.
     */
    @SuppressWarnings("removal")
    private static void haltOnSigterm() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), new HaltOnSignal());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // Without it SIGTERM still ends the JVM (exit status 143), only after its shutdown hooks.
        }
    }

    @SuppressWarnings("removal")
    private static final class HaltOnSignal implements sun.misc.SignalHandler {
        @Override
        public void handle(sun.misc.Signal signal) {
            System.out.flush();
            System.err.flush();
            SessionLifetime.end();
            Runtime.getRuntime().halt(ExitCodes.statusForSignal(ExitCodes.SIGTERM));
        }
    }
}
