package org.jmultiprocessing.internal.launch;

import org.jmultiprocessing.internal.logging.LibraryLog;
import org.jmultiprocessing.internal.runtime.ExitCodes;

import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.internal.runtime.ExitHooks;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.internal.runtime.StartPhases;
import org.jmultiprocessing.internal.ship.CodeShipment;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.internal.display.TimelineRecorder;
import org.jmultiprocessing.internal.shm.OwnedBlocks;
import org.jmultiprocessing.internal.shm.Transfers;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ProcessTask;
import org.jmultiprocessing.spi.StartedProcess;

/** The parent's side of one running child JVM: its OS process, its control pipe and its output relays. */
public final class ChildProcess implements StartedProcess {
    /** How long {@code join()} waits, after the child ended, for a grandchild still holding its output pipe. */
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(2);

    /** The children started and not yet released, for the exit handler and for timelines. */
    private static final Set<ChildProcess> STARTED = ConcurrentHashMap.newKeySet();

    static {
        ExitHooks.add(ExitHooks.Stage.CHILDREN, ChildProcess::atParentExit);
    }

    private final java.lang.Process handle;
    private final OutputStream control;
    private final OutputRelay stdout;
    private final OutputRelay stderr;
    private final String name;
    private final boolean daemon;

    private ChildProcess(java.lang.Process handle, String name, boolean daemon) {
        this.handle = handle;
        this.name = name;
        this.control = handle.getOutputStream();
        this.daemon = daemon;
        this.stdout = OutputRelay.start(handle.getInputStream(), () -> System.out, name + "-stdout");
        // A child that ends leaves no SharedMemoryManager blocks behind, also when it was killed.
        long pid = handle.pid();
        this.stderr = OutputRelay.start(handle.getErrorStream(), () -> System.err, name + "-stderr",
                () -> OwnedBlocks.sweepOwnedBy(pid));
    }

    /**
     * Serializes the task (failing before anything is launched if it cannot travel), starts a child JVM
     * and hands the task over.
     *
     * @param labelledParts the task's target and arguments, named for error messages
     */
    public static ChildProcess start(ProcessTask task, Map<String, Object> labelledParts) {
        // Shared objects (Queue, Pipe ends, ...) serialized here count for the child until it attaches; a
        // copy that never reaches a child must not keep them alive for as long as this JVM lives.
        try (Transfers.Scope transfer = Transfers.begin()) {
            return start(task, labelledParts, transfer);
        }
    }

    private static ChildProcess start(ProcessTask task, Map<String, Object> labelledParts, Transfers.Scope transfer) {
        long startNanos = System.nanoTime();
        CodeShipment shipment = CodeShipment.capture(task, labelledParts);
        Session session = Session.current();
        Bootstrap.Preparation preparation = new Bootstrap.Preparation(session.directory(), session.authKey(),
                Internals.processName(), Internals.pid(), Deserialization.userFilterPattern(), LibraryLog.stderrLevelName(),
                shipment.classpath(), shipment.classes());
        java.lang.Process handle;
        try {
            handle = Launcher.obtain();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM with " + Launcher.command()
                    + ": check that this Java installation is complete", e);
        }
        long obtainedNanos = System.nanoTime();
        transfer.assignTo(handle.pid());
        ChildProcess child = new ChildProcess(handle, task.name(), task.daemon());
        try {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(child.control, 1 << 16));
            Bootstrap.writePreparation(out, preparation);
            Bootstrap.writeBytes(out, shipment.variables());
            Bootstrap.writeBytes(out, shipment.serialized());
            out.flush();
        } catch (IOException e) {
            handle.destroyForcibly();
            throw new UncheckedIOException("the child JVM exited during start-up; its error output is above."
                    + " Check the options given to Multiprocessing.setJvmOptions", e);
        }
        if (StartPhases.on()) {
            StartPhases.mark(handle.pid(), "start", startNanos);
            StartPhases.mark(handle.pid(), "jvm-obtained", obtainedNanos);
            StartPhases.mark(handle.pid(), "frames-written", System.nanoTime());
        }
        STARTED.add(child);
        if (TimelineRecorder.isAnyOpen()) {
            TimelineRecorder.processStarted(handle.pid(), task.name());
            child.recordExit();
        }
        return child;
    }

    /** The children started and not yet released that still run. */
    static List<StartedProcess> running() {
        List<StartedProcess> alive = new ArrayList<>();
        STARTED.forEach(child -> {
            if (child.isAlive()) {
                alive.add(child);
            }
        });
        return alive;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean daemon() {
        return daemon;
    }

    /** A timeline opens: the children already running get lanes from its start, and their ends are recorded. */
    public static void recordRunning(TimelineRecorder recorder) {
        STARTED.forEach(child -> {
            if (child.isAlive()) {
                recorder.alreadyRunning(child.pid(), child.name);
                child.recordExit();
            }
        });
    }

    private void recordExit() {
        long pid = handle.pid();
        handle.onExit().thenRun(() -> TimelineRecorder.processEnded(pid, ExitCodes.fromStatus(handle.exitValue())));
    }

    /** Waits for the child to end, then for its output to be relayed. */
    @Override
    public boolean join(long deadline) throws InterruptedException {
        if (deadline == Deadline.FOREVER) {
            handle.waitFor();
        } else if (!handle.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return false;
        }
        StartPhases.mark(handle.pid(), "exit-seen", System.nanoTime());
        if (TimelineRecorder.isAnyOpen()) {
            // The exit callback may not have run yet: a timeline read right after join() must show the end.
            TimelineRecorder.processEnded(handle.pid(), ExitCodes.fromStatus(handle.exitValue()));
        }
        stdout.awaitDrained(DRAIN_AFTER_EXIT);
        stderr.awaitDrained(DRAIN_AFTER_EXIT);
        StartPhases.mark(handle.pid(), "joined", System.nanoTime());
        return true;
    }

    @Override
    public boolean isAlive() {
        return handle.isAlive();
    }

    @Override
    public long pid() {
        return handle.pid();
    }

    @Override
    public Integer exitCode() {
        return handle.isAlive() ? null : ExitCodes.fromStatus(handle.exitValue());
    }

    /**
     * Signals through the {@link ProcessHandle}: {@code java.lang.Process.destroy()} would also close the
     * child's stdin, which the child reads as its parent dying, racing the signal for the exit code.
     */
    @Override
    public void terminate() {
        handle.toHandle().destroy();
    }

    @Override
    public void kill() {
        handle.toHandle().destroyForcibly();
    }

    /** Closes the control pipe; the child has ended by now. */
    @Override
    public void release() {
        STARTED.remove(this);
        try {
            control.close();
        } catch (IOException ignored) {
            // The child is gone; the pipe is closed either way.
        }
    }

    /** Python's exit handler: terminate daemonic children, then wait for the others. */
    private static void atParentExit() {
        STARTED.stream().filter(c -> c.daemon).forEach(ChildProcess::terminate);
        for (ChildProcess child : STARTED) {
            try {
                child.handle.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
