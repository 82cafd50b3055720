package org.jmultiprocessing.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jmultiprocessing.Process;
import org.jmultiprocessing.Target;

/**
 * The child JVM's entry point: Python's spawn bootstrap. Reads the prepare frame, then the task frame
 * (see {@link Bootstrap}), runs the process and exits with its exit code.
 */
public final class ChildMain {
    private static final long PARENT_CHECK_MILLIS = 200;

    private ChildMain() {
    }

    public static void main(String[] args) {
        warmUp();
        InputStream control = new FileInputStream(FileDescriptor.in);
        // The child's own code sees an empty stdin, as in Python; the real one is the parent's channel.
        System.setIn(InputStream.nullInputStream());
        // Unbuffered UTF-8 so that nothing is lost when the child is terminated and the parent decodes it right.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        haltOnSigterm();

        DataInputStream in = new DataInputStream(new BufferedInputStream(control, 1 << 16));
        Bootstrap.Preparation preparation;
        try {
            preparation = Bootstrap.readPreparation(in);
        } catch (IOException e) {
            // The parent went away (end of stdin) before handing over a task: nothing to report to.
            Runtime.getRuntime().halt(1);
            return;
        }
        Session.adopt(preparation.sessionDir(), preparation.authKey());
        ShippedClassLoader loader = new ShippedClassLoader(preparation.classpath(), ChildMain.class.getClassLoader());
        loader.add(preparation.classes());
        Thread.currentThread().setContextClassLoader(loader);

        Process process;
        try {
            loader.restoreVariables(Bootstrap.readBytes(in));
            process = (Process) loader.deserialize(Bootstrap.readBytes(in));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println("The child process could not receive its task from the parent:");
            e.printStackTrace();
            System.exit(1);
            return;
        }
        watchParent(preparation.parentPid());
        System.exit(Internals.runInChild(process, preparation.parentName(), preparation.parentPid()));
    }

    /**
     * Loads and links what every task needs on a second thread while the main thread waits for its frames:
     * a standby is then ready at once, and a cold start overlaps the work with reading the frames. The probe
     * has the shapes of real frames: a lambda in an object graph, and the nested maps of notebook variables.
     */
    private static void warmUp() {
        Thread warmUp = new Thread(() -> {
            Target lambda = () -> { };
            Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
            variables.put("probe", new LinkedHashMap<>(Map.of("value", 1)));
            Internals.currentProcess(); // loads Process, Internals and ProcessHandle's implementation
            ObjectStreamClass.lookup(Process.class);
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(new Object[] {lambda, variables});
                }
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                    in.readObject();
                }
            } catch (IOException | ClassNotFoundException e) {
                // Only a warm-up: the task's own deserialization reports real problems.
            }
        }, "jmp-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Ends this JVM within {@link #PARENT_CHECK_MILLIS} when its parent dies (the kernel restarts or is
     * killed): the child is then re-parented. Polling from a sleeping thread rather than blocking on stdin
     * matters: at exit the JVM waits, in 10 ms steps, for threads inside native reads.
     */
    private static void watchParent(long parentPid) {
        Thread watchdog = new Thread(() -> {
            try {
                while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
                    Thread.sleep(PARENT_CHECK_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1);
        }, "jmp-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Python's {@code terminate()} ends the child at once, without running finally blocks or exit handlers;
     * the JVM would run shutdown hooks (which join this child's own children). {@code sun.misc.Signal} in
     * jdk.unsupported is the only way; javac warns about it once. (A reflective proxy would avoid the warning
     * but generates a class at every child start.)
     */
    @SuppressWarnings("removal")
    private static void haltOnSigterm() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(ExitCodes.statusForSignal(ExitCodes.SIGTERM));
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // Without it SIGTERM still ends the JVM (exit status 143), only after its shutdown hooks.
        }
    }
}
