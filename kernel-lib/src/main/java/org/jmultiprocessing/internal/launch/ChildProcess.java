package org.jmultiprocessing.internal.launch;

import org.jmultiprocessing.internal.codec.Deserialization;
import org.jmultiprocessing.internal.runtime.ExitHooks;
import org.jmultiprocessing.internal.runtime.Internals;
import org.jmultiprocessing.internal.runtime.Session;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.Process;
import org.jmultiprocessing.internal.display.TimelineRecorder;
import org.jmultiprocessing.internal.shm.Transfers;

/** The parent's side of one running child JVM: its OS process, its control pipe and its output relays. */
public final class ChildProcess {
    /** How long {@code join()} waits, after the child ended, for a grandchild still holding its output pipe. */
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(2);

    private static final Map<ChildProcess, Process> STARTED = new ConcurrentHashMap<>();

    static {
        ExitHooks.add(ExitHooks.Stage.CHILDREN, ChildProcess::atParentExit);
    }

    private final java.lang.Process handle;
    private final OutputStream control;
    private final OutputRelay stdout;
    private final OutputRelay stderr;
    private final boolean daemon;

    private ChildProcess(java.lang.Process handle, String name, boolean daemon) {
        this.handle = handle;
        this.control = handle.getOutputStream();
        this.daemon = daemon;
        this.stdout = OutputRelay.start(handle.getInputStream(), () -> System.out, name + "-stdout");
        this.stderr = OutputRelay.start(handle.getErrorStream(), () -> System.err, name + "-stderr");
    }

    /**
     * Serializes the process (failing before anything is launched if it cannot travel), starts a child JVM
     * and hands the process over.
     *
     * @param labelledParts the process's target and arguments, named for error messages
     */
    public static ChildProcess start(Process process, Map<String, Object> labelledParts, boolean daemon) {
        // Shared objects (Queue, Pipe ends, ...) serialized here count for the child until it attaches; a
        // copy that never reaches a child must not keep them alive for as long as this JVM lives.
        try (Transfers.Scope transfer = Transfers.begin()) {
            return start(process, labelledParts, daemon, transfer);
        }
    }

    private static ChildProcess start(Process process, Map<String, Object> labelledParts, boolean daemon,
                                      Transfers.Scope transfer) {
        CodeShipment shipment = CodeShipment.capture(process, labelledParts);
        Session session = Session.current();
        Process parent = Internals.currentProcess();
        Bootstrap.Preparation preparation = new Bootstrap.Preparation(session.directory(), session.authKey(),
                parent.name(), Internals.pid(), Deserialization.userFilterPattern(), shipment.classpath(), shipment.classes());
        java.lang.Process handle;
        try {
            handle = Launcher.obtain();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM with " + Launcher.command()
                    + ": check that this Java installation is complete", e);
        }
        transfer.assignTo(handle.pid());
        ChildProcess child = new ChildProcess(handle, process.name(), daemon);
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
        STARTED.put(child, process);
        if (TimelineRecorder.isAnyOpen()) {
            TimelineRecorder.processStarted(handle.pid(), process.name());
            child.recordExit();
        }
        return child;
    }

    /** A timeline opens: the children already running get lanes from its start, and their ends are recorded. */
    public static void recordRunning(TimelineRecorder recorder) {
        STARTED.forEach((child, process) -> {
            if (child.isAlive()) {
                recorder.alreadyRunning(child.pid(), process.name());
                child.recordExit();
            }
        });
    }

    private void recordExit() {
        long pid = handle.pid();
        handle.onExit().thenRun(() -> TimelineRecorder.processEnded(pid, ExitCodes.fromStatus(handle.exitValue())));
    }

    /** Waits for the child to end, then for its output to be relayed; {@code null} waits without limit. */
    public boolean await(Duration timeout) throws InterruptedException {
        if (timeout == null) {
            handle.waitFor();
        } else if (!handle.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
            return false;
        }
        if (TimelineRecorder.isAnyOpen()) {
            // The exit callback may not have run yet: a timeline read right after join() must show the end.
            TimelineRecorder.processEnded(handle.pid(), ExitCodes.fromStatus(handle.exitValue()));
        }
        stdout.awaitDrained(DRAIN_AFTER_EXIT);
        stderr.awaitDrained(DRAIN_AFTER_EXIT);
        return true;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public long pid() {
        return handle.pid();
    }

    public Integer exitCode() {
        return handle.isAlive() ? null : ExitCodes.fromStatus(handle.exitValue());
    }

    /**
     * Signals through the {@link ProcessHandle}: {@code java.lang.Process.destroy()} would also close the
     * child's stdin, which the child reads as its parent dying, racing the signal for the exit code.
     */
    public void terminate() {
        handle.toHandle().destroy();
    }

    public void kill() {
        handle.toHandle().destroyForcibly();
    }

    /** Closes the control pipe; the child has ended by now. */
    public void release() {
        STARTED.remove(this);
        try {
            control.close();
        } catch (IOException ignored) {
            // The child is gone; the pipe is closed either way.
        }
    }

    /** The started children still running; finished ones are forgotten, as Python's active_children(). */
    public static List<Process> activeChildren() {
        List<Process> alive = new ArrayList<>();
        STARTED.forEach((child, process) -> {
            if (child.isAlive()) {
                alive.add(process);
            } else {
                child.release();
            }
        });
        return alive;
    }

    /** Python's exit handler: terminate daemonic children, then wait for the others. */
    private static void atParentExit() {
        STARTED.keySet().stream().filter(c -> c.daemon).forEach(ChildProcess::terminate);
        for (ChildProcess child : STARTED.keySet()) {
            try {
                child.handle.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
