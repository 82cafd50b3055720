package org.jmultiprocessing.cluster.internal.process;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.hazelcast.cluster.Member;
import org.jmultiprocessing.cluster.internal.client.NotebookSession;
import org.jmultiprocessing.cluster.internal.client.TaskOutcomes;
import org.jmultiprocessing.cluster.internal.task.TaskEnvelope;
import org.jmultiprocessing.cluster.internal.task.TaskResult;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.ProcessSpec;
import org.jmultiprocessing.spi.StartedProcess;
import org.jmultiprocessing.spi.ship.Shipment;

/**
 * A process of the cluster context: its task runs in an executor thread of one member. Its pid is that
 * member's (the JVM it runs in, as for a local child). Exit code 0, or 1 when the target threw (its traceback
 * printed in the notebook as for a local child), or 1 when its member left the cluster while it ran (said on
 * {@code System.err}). {@code terminate()} and {@code kill()} interrupt the task on its member and end the
 * process at once with -15 / -9, and what it prints from then on is dropped (as a signal ends a local child's
 * output); a task that ignores interrupts keeps its member thread until it returns.
 */
final class ClusterProcess implements StartedProcess {
    /** How long the end waits for the output its task printed (a member that died took it along). */
    private static final long OUTPUT_WAIT_MILLIS = 2000;

    private final NotebookSession session;
    private final String name;
    private final boolean daemon;
    private final Member member;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Consumer<ClusterProcess> onEnd;
    private volatile Integer exitCode;
    private volatile NotebookSession.Submitted submitted;
    private volatile long taskId;

    private ClusterProcess(NotebookSession session, ProcessSpec spec, Member member, Consumer<ClusterProcess> onEnd) {
        this.session = session;
        this.name = spec.task().name();
        this.daemon = spec.task().daemon();
        this.member = member;
        this.onEnd = onEnd;
    }

    static ClusterProcess start(NotebookSession session, ProcessSpec spec, Consumer<ClusterProcess> onEnd) {
        // Fails with a NotTransferableException naming the part before anything starts.
        byte[] shipment = Shipment.capture(spec.task(), spec.labelledParts(), "a cluster member").toBytes();
        Member member = session.pickMember(Set.of());
        if (member == null) {
            throw new IllegalStateException("cannot start " + spec.task().name() + ": the cluster has no member left");
        }
        ClusterProcess process = new ClusterProcess(session, spec, member, onEnd);
        long taskId = session.nextTaskId();
        process.taskId = taskId;
        NotebookSession.Submitted submitted = session.submit(member, taskId, TaskEnvelope.PROCESS, shipment);
        process.submitted = submitted;
        submitted.result().whenCompleteAsync((result, error) -> process.finish(taskId, result, error), session.completions());
        return process;
    }

    private void finish(long taskId, TaskResult result, Throwable error) {
        if (ended.getCount() == 0) {
            return; // terminated or killed already
        }
        int code;
        if (error != null) {
            System.err.println("Process " + name + ": " + (TaskOutcomes.memberLost(error)
                    ? "its cluster member " + NotebookSession.describe(member) + " left the cluster while it ran"
                    : "the cluster did not run it on member " + NotebookSession.describe(member) + ": " + error));
            code = 1;
        } else {
            try {
                session.relay().awaitAndForget(taskId, result.outputMessages(), OUTPUT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (result.status() == TaskResult.EXITED) {
                code = result.exitCode();
            } else {
                System.err.println("Process " + name + ": " + TaskOutcomes.failure(result, getClass().getClassLoader()));
                code = 1;
            }
        }
        end(code);
    }

    private synchronized void end(int code) {
        if (exitCode == null) {
            exitCode = code;
            ended.countDown();
            onEnd.accept(this);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean daemon() {
        return daemon;
    }

    /** The pid of the member it runs on. */
    @Override
    public long pid() {
        return NotebookSession.pid(member);
    }

    @Override
    public boolean join(long deadline) throws InterruptedException {
        if (deadline == Deadline.FOREVER) {
            ended.await();
            return true;
        }
        return ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isAlive() {
        return ended.getCount() > 0;
    }

    @Override
    public Integer exitCode() {
        return exitCode;
    }

    @Override
    public void terminate() {
        stop(-15);
    }

    @Override
    public void kill() {
        stop(-9);
    }

    private void stop(int code) {
        if (isAlive()) {
            session.relay().silence(taskId);
            // Ended first: the cancelled future completes at once, and must not be read as a failure.
            end(code);
            submitted.cancel();
        }
    }

    @Override
    public void release() {
        // Nothing is held once it has ended.
    }
}
