package org.jmultiprocessing.cluster.internal.output;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import org.jmultiprocessing.cluster.internal.ClusterKey;

/**
 * The notebook's end of its session's output topic: prints what tasks print on members to this JVM's
 * {@code System.out} / {@code System.err} as it arrives (in a notebook, the running cell's output), and
 * counts the messages per task so that a task's end is reported only once all its output is here.
 */
public final class OutputRelay implements AutoCloseable {
    private final ITopic<byte[]> topic;
    private final ClusterKey key;
    private final UUID registration;
    private final Map<Long, Long> received = new ConcurrentHashMap<>();
    /** Tasks whose output is no longer wanted (a terminated process: Python's SIGTERM ends its output too). */
    private final Set<Long> silenced = ConcurrentHashMap.newKeySet();
    private final Object arrived = new Object();
    private boolean warnedForged;

    public OutputRelay(HazelcastInstance client, ClusterKey key, String session) {
        this.topic = client.getTopic(OutputMessage.topic(session));
        this.key = key;
        this.registration = topic.addMessageListener(this::onMessage);
    }

    private void onMessage(Message<byte[]> message) {
        OutputMessage output;
        try {
            output = OutputMessage.fromBytes(key.open(message.getMessageObject()));
        } catch (SecurityException | IllegalArgumentException e) {
            forged(e);
            return;
        }
        if (silenced.contains(output.taskId())) {
            return;
        }
        PrintStream target = output.stream() == OutputMessage.ERR ? System.err : System.out;
        target.print(new String(output.text(), StandardCharsets.UTF_8));
        target.flush();
        received.merge(output.taskId(), 1L, Long::sum);
        synchronized (arrived) {
            arrived.notifyAll();
        }
    }

    private synchronized void forged(RuntimeException e) {
        if (!warnedForged) {
            warnedForged = true;
            System.err.println("jmultiprocessing: dropped output not sealed with this cluster's key (" + e.getMessage() + ")");
        }
    }

    /**
     * Waits until {@code messages} messages of task {@code taskId} have been printed, or {@code timeoutMillis}
     * has passed (a member that died took its last messages with it), then forgets the task.
     */
    public void awaitAndForget(long taskId, long messages, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (arrived) {
            while (received.getOrDefault(taskId, 0L) < messages) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(arrived, left);
            }
        }
        received.remove(taskId);
    }

    /** Drops what task {@code taskId} prints from now on. */
    public void silence(long taskId) {
        silenced.add(taskId);
        received.remove(taskId);
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(registration);
        } catch (RuntimeException e) {
            // The client is already gone: so is the listener.
        }
    }
}
