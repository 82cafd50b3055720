package org.jmultiprocessing.cluster.internal.output;

import java.io.ByteArrayOutputStream;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import org.jmultiprocessing.cluster.internal.ClusterKey;

/**
 * Where one task's {@code System.out} and {@code System.err} go on a member: text is buffered per stream and
 * published, sealed, on its session's output topic at each flush (a {@code println} flushes), so that it
 * reaches the notebook while the task runs. {@link #close} publishes the rest and tells how many messages
 * were sent: the notebook waits for that many before it reports the task's end.
 */
public final class TaskOutput {
    private final ITopic<byte[]> topic;
    private final ClusterKey key;
    private final long taskId;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private long published;
    private boolean closed;

    public TaskOutput(HazelcastInstance member, ClusterKey key, String session, long taskId) {
        this.topic = member.getTopic(OutputMessage.topic(session));
        this.key = key;
        this.taskId = taskId;
    }

    /** Buffers text; false once the task has ended (text from a thread it left behind goes to the member's log). */
    synchronized boolean write(byte stream, byte[] bytes, int offset, int length) {
        if (closed) {
            return false;
        }
        (stream == OutputMessage.OUT ? out : err).write(bytes, offset, length);
        return true;
    }

    synchronized boolean flush(byte stream) {
        if (closed) {
            return false;
        }
        publish(stream);
        return true;
    }

    /** Publishes what is left; returns how many messages this task published. */
    public synchronized long close() {
        if (!closed) {
            publish(OutputMessage.OUT);
            publish(OutputMessage.ERR);
            closed = true;
        }
        return published;
    }

    private void publish(byte stream) {
        ByteArrayOutputStream buffer = stream == OutputMessage.OUT ? out : err;
        if (buffer.size() == 0) {
            return;
        }
        byte[] text = buffer.toByteArray();
        buffer.reset();
        topic.publish(key.seal(new OutputMessage(taskId, stream, text).toBytes()));
        published++;
    }
}
