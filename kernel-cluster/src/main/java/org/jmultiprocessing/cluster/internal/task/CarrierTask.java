package org.jmultiprocessing.cluster.internal.task;

import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.jmultiprocessing.cluster.internal.ClusterRuntime;

/**
 * The one task type the notebook submits to members' executors: a sealed {@link TaskEnvelope}. Hazelcast
 * deserializes only this object and its byte array (the members' serialization filter allows nothing else);
 * the member opens the seal before it reads, defines or runs anything, and seals the {@link TaskResult}.
 */
public final class CarrierTask implements Callable<byte[]>, Serializable {
    /** The members' executor that runs carrier tasks. */
    public static final String EXECUTOR = "jmp.tasks";
    private static final long serialVersionUID = 1L;

    private final byte[] sealed;

    public CarrierTask(byte[] sealed) {
        this.sealed = Objects.requireNonNull(sealed, "sealed");
    }

    /** @throws SecurityException if the task was not sealed with this cluster's key */
    @Override
    public byte[] call() throws Exception {
        ClusterRuntime.Attachment attachment = ClusterRuntime.current();
        TaskEnvelope envelope = TaskEnvelope.fromBytes(attachment.key().open(sealed));
        return attachment.key().seal(MemberSessions.instance().run(envelope).toBytes());
    }
}
