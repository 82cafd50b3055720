package org.jmultiprocessing.cluster.internal;

import java.util.Objects;

import com.hazelcast.core.HazelcastInstance;

/**
 * This JVM's way into the cluster: the notebook's client, or the member a task runs on. A shared object that
 * travels (a queue, a lock, a dict) carries only its name; where it arrives, it reattaches through here.
 */
public final class ClusterRuntime {
    /** The instance and the key; {@code session} is the notebook session that owns what is made here. */
    public record Attachment(HazelcastInstance hazelcast, ClusterKey key) {
        public Attachment {
            Objects.requireNonNull(hazelcast, "hazelcast");
            Objects.requireNonNull(key, "key");
        }
    }

    /** The attachments of the open connections, the newest last: a notebook may hold two (two sessions). */
    private static final java.util.Deque<Attachment> ATTACHED = new java.util.ArrayDeque<>();

    private ClusterRuntime() {
    }

    /** Makes {@code attachment} this JVM's way into the cluster (a member at start, a notebook on connect). */
    public static void install(Attachment attachment) {
        Objects.requireNonNull(attachment, "attachment");
        synchronized (ATTACHED) {
            ATTACHED.addLast(attachment);
        }
    }

    /** Forgets {@code attachment} (its cluster was left); the one installed before it is current again. */
    public static void uninstall(Attachment attachment) {
        synchronized (ATTACHED) {
            ATTACHED.remove(attachment);
        }
    }

    /**
     * The attachment: the newest connection's in a notebook, the member's on a member.
     *
     * @throws IllegalStateException if this JVM is neither connected to a cluster nor a member of one
     */
    public static Attachment current() {
        Attachment attachment;
        synchronized (ATTACHED) {
            attachment = ATTACHED.peekLast();
        }
        if (attachment == null) {
            throw new IllegalStateException("this JVM is not connected to a cluster: a cluster object can be"
                    + " used in the notebook that made it (after Cluster.startLocal or Cluster.connect) and in"
                    + " tasks running on that cluster's members");
        }
        return attachment;
    }
}
