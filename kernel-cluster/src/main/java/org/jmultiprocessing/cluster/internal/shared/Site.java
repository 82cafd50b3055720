package org.jmultiprocessing.cluster.internal.shared;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;

/**
 * Where a shared object lives: this JVM's attachment to the cluster and the notebook session that owns the
 * object. A shared object that travels carries the session and its name, and makes a new site from
 * {@link ClusterRuntime#current()} where it arrives.
 */
public record Site(ClusterRuntime.Attachment attachment, String session) {
    /**
     * The attachment of each session this JVM made objects for: a JVM connected to two clusters (a notebook
     * with two) reattaches an arriving object to its own session's cluster, not to the newest connection.
     */
    private static final Map<String, ClusterRuntime.Attachment> SESSIONS = new ConcurrentHashMap<>();

    public Site {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(session, "session");
        SESSIONS.putIfAbsent(session, attachment);
    }

    /**
     * The site of {@code session} in this JVM, for an object that arrived here: the session's own attachment
     * where the session lives (the notebook), else this JVM's ({@link ClusterRuntime#current()}, a member's).
     */
    public static Site arrived(String session) {
        ClusterRuntime.Attachment known = SESSIONS.get(session);
        return new Site(known != null ? known : ClusterRuntime.current(), session);
    }

    public HazelcastInstance hazelcast() {
        return attachment.hazelcast();
    }

    public ClusterKey key() {
        return attachment.key();
    }

    /** The session's map of small states: locks, semaphores, conditions, events, values (see {@link ObjectNames#syncMap}). */
    public IMap<String, byte[]> sync() {
        return hazelcast().getMap(ObjectNames.syncMap(session));
    }

    /** The changes of the entry {@code name} of {@link #sync()}, for waiting. */
    public Changes syncChanges(String name) {
        return MapWatch.of(hazelcast(), sync()).of(name);
    }

    /** Runs {@code step} on the entry {@code name} of {@link #sync()}, uninterruptibly (see {@link Calls}). */
    public <R> R step(String name, SealedStep<R> step) {
        return Calls.await(sync().submitToKey(name, step));
    }

    /** A new name for an object of {@code kind} in the session. */
    public String newName(String kind) {
        return ObjectNames.next(session, kind);
    }

    /**
     * The calling thread as a lock's owner: this JVM's endpoint in the cluster and the thread's id, as the
     * local backends name a holder by process and thread.
     */
    public String threadToken() {
        return hazelcast().getLocalEndpoint().getUuid() + "/" + Thread.currentThread().getId();
    }

    /** Whether a {@link #threadToken()} was made in this JVM. */
    public boolean isLocal(String token) {
        return token.startsWith(hazelcast().getLocalEndpoint().getUuid() + "/");
    }
}
