package org.jmultiprocessing.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jmultiprocessing.Process;

/**
 * The child JVM's entry point: Python's spawn bootstrap. Reads the prepare frame, then the task frame
 * (see {@link Bootstrap}), runs the process and exits with its exit code.
 */
public final class ChildMain {
    private ChildMain() {
    }

    public static void main(String[] args) {
        // An interruptible channel: a thread blocked in a plain native read() delays JVM exit by ~300 ms.
        InputStream control = Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel());
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
            // The parent went away before handing over a task: nothing to report to.
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
        watchParent(in);
        System.exit(Internals.runInChild(process, preparation.parentName(), preparation.parentPid()));
    }

    /**
     * The parent holds the only write end of stdin: end-of-file means it died, and so must we. At a normal
     * exit a shutdown hook interrupts the read, so that the JVM does not wait for a thread in native code.
     */
    private static void watchParent(InputStream control) {
        AtomicBoolean exiting = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                while (control.read() != -1) {
                    // Nothing else is sent after the task frame.
                }
            } catch (IOException e) {
                if (exiting.get()) {
                    return;
                }
            }
            Runtime.getRuntime().halt(1);
        }, "jmp-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exiting.set(true);
            watchdog.interrupt();
        }, "jmp-watchdog-stop"));
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
