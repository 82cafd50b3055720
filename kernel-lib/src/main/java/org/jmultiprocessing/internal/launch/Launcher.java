package org.jmultiprocessing.internal.launch;

import org.jmultiprocessing.internal.runtime.ExitHooks;
import org.jmultiprocessing.internal.runtime.LibraryThreads;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.internal.runtime.SessionLifetime;
import org.jmultiprocessing.internal.runtime.StartPhases;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts child JVMs: the same Java runtime as this one, kernel-lib alone on the classpath (the parent's
 * classpath travels in the prepare frame), and {@link ChildMain} as the entry point.
 *
 * <p>A ready standby, like Python's forkserver: after each launch one more JVM is started and left waiting
 * for its prepare frame, so the next {@code start()} hands its task to an already-booted, never-used
 * process. Each process still runs one task in its own fresh JVM. The standby is replaced when the JVM
 * options change, killed at exit, and halts by itself if this JVM dies (its stdin closes). It takes part in
 * the session from its start (its directory is its second argument), so that it can remove the directory
 * when it outlives a killed parent.
 */
public final class Launcher {
    /**
     * Flags chosen for start-up time: SerialGC starts fastest and suits small heaps;
     * {@code -XX:-UsePerfData} skips the hsperfdata file in the temp directory. Recent JDK builds map the CDS
     * archives at a random address and then rewrite every pointer in them (ArchiveRelocationMode=1): ~5 ms
     * of each start and ~8 MiB of private memory per child. Mode 0 maps them where they were built to go;
     * {@code Multiprocessing.setJvmOptions("-XX:ArchiveRelocationMode=1")} restores the randomization.
     */
    private static final List<String> DEFAULT_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");

    /** The system property that names the warm-up steps a standby runs, in the child's command line. */
    private static final String WARM_UP_PROPERTY = "jmultiprocessing.warmUp";

    private static volatile List<String> extraOptions = List.of();
    private static final List<String> WARM_UP_STEPS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static volatile boolean standbyEnabled = true;
    /** Guarded by the class lock. */
    private static java.lang.Process standby;
    private static List<String> standbyCommand;
    /** Counts launches, so that a standby scheduled before the latest one is not started. */
    private static long standbyGeneration;
    private static final Duration STANDBY_DELAY = Duration.ofMillis(100);
    /** A killed JVM is gone within milliseconds; this only bounds an exit on a machine that stalls. */
    private static final Duration STANDBY_EXIT_WAIT = Duration.ofSeconds(5);

    static {
        ExitHooks.add(ExitHooks.Stage.CHILDREN, Launcher::shutDown);
    }

    private Launcher() {
    }

    static void setExtraJvmOptions(List<String> options) {
        for (String option : options) {
            if (!option.startsWith("-")) {
                throw new IllegalArgumentException("JVM options start with '-', got '" + option
                        + "'; pass program arguments to the target instead");
            }
        }
        extraOptions = List.copyOf(options);
        discardStandby();
    }

    /** Turns the ready standby on (the default) or off; off also ends a waiting standby. */
    static void setStandbyEnabled(boolean enabled) {
        standbyEnabled = enabled;
        if (!enabled) {
            discardStandby();
        }
    }

    /**
     * Adds a step that a ready standby (and the class-data-sharing training run) runs while it waits for its
     * task, so that what the step loads is ready, and archived, before a task needs it: e.g. what a pool
     * worker runs. A public class with a public no-argument constructor; steps are given by the backend
     * before its first launch.
     */
    public static void addWarmUp(Class<? extends Runnable> step) {
        if (!WARM_UP_STEPS.contains(step.getName())) {
            WARM_UP_STEPS.add(step.getName());
        }
    }

    /** In a child: the warm-up steps its parent gave ({@link #addWarmUp}). */
    static List<String> warmUpSteps() {
        String steps = System.getProperty(WARM_UP_PROPERTY, "");
        return steps.isEmpty() ? List.of() : List.of(steps.split(","));
    }

    /** The command line of a child JVM. */
    static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DEFAULT_OPTIONS);
        command.addAll(extraOptions);
        if (StartPhases.on()) {
            command.add("-D" + StartPhases.PROPERTY + "=" + StartPhases.file());
        }
        if (!WARM_UP_STEPS.isEmpty()) {
            command.add("-D" + WARM_UP_PROPERTY + "=" + String.join(",", WARM_UP_STEPS));
        }
        String kernelLib = kernelLibLocation();
        command.addAll(ClassDataSharing.options(kernelLib, List.copyOf(command)));
        command.add("-cp");
        command.add(kernelLib);
        command.add(ChildMain.class.getName());
        return command;
    }

    /**
     * A JVM ready for its prepare frame: the standby if it fits, else a new one. The next standby starts
     * once this child has ended or has run for {@link #STANDBY_DELAY}, whichever comes first: booting a JVM
     * takes a core for ~40 ms, which a short task on a 2-core machine would otherwise share.
     */
    static synchronized java.lang.Process obtain() throws IOException {
        List<String> command = command();
        java.lang.Process ready = null;
        if (standby != null && standby.isAlive() && command.equals(standbyCommand)) {
            ready = standby;
            standby = null;
        }
        discardStandby();
        if (ready == null) {
            ready = launch(command);
        }
        if (standbyEnabled) {
            // A thread of the library's own: a JDK timer thread would join the notebook cell's thread group.
            long generation = ++standbyGeneration;
            java.lang.Process handedOver = ready;
            LibraryThreads.startDaemon(() -> {
                try {
                    handedOver.waitFor(STANDBY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                startStandby(command, generation);
            }, "jmp-standby-launcher");
        }
        return ready;
    }

    /** Starts the standby scheduled by {@link #obtain} unless a later start, an option change or exit came first. */
    private static synchronized void startStandby(List<String> command, long generation) {
        if (!standbyEnabled || generation != standbyGeneration || standby != null || !command.equals(command())) {
            return;
        }
        List<String> standbyLaunch = new ArrayList<>(command);
        standbyLaunch.add(ChildMain.STANDBY);
        standbyLaunch.add(Session.current().directory().toString());
        try {
            standby = launch(standbyLaunch);
            standbyCommand = command;
        } catch (IOException e) {
            // Only a head start: the next start() launches its own JVM and reports the problem.
        }
    }

    private static synchronized void discardStandby() {
        if (standby != null) {
            standby.destroyForcibly();
            standby = null;
        }
    }

    /**
     * At exit: no standby is started any more, and the waiting one ends. Waits for it to be gone: until then
     * it holds its part of the session ({@link SessionLifetime}), and this JVM would not remove the directory.
     */
    private static synchronized void shutDown() {
        standbyEnabled = false;
        java.lang.Process waiting = standby;
        discardStandby();
        if (waiting != null) {
            try {
                waiting.waitFor(STANDBY_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static java.lang.Process launch(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        return builder.start();
    }

    /** Where this library's classes come from: its jar, or a classes directory in a build. */
    static String kernelLibLocation() {
        CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                Path path = Paths.get(source.getLocation().toURI());
                return path.toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Fall through to the classpath.
            }
        }
        return System.getProperty("java.class.path", "") + File.pathSeparator;
    }
}
