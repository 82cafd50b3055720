package org.jmultiprocessing.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.hazelcast.core.HazelcastInstance;

import org.jmultiprocessing.Context;
import org.jmultiprocessing.cluster.internal.backend.ClusterBackend;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;
import org.jmultiprocessing.cluster.internal.client.NotebookSession;
import org.jmultiprocessing.cluster.internal.local.LocalMembers;
import org.jmultiprocessing.cluster.internal.member.MemberConfig;

/**
 * A notebook's connection to a Hazelcast cluster, and its {@link #context()}: the same {@code Pool} and
 * {@code Process} as the local context, running on the cluster's members.
 *
 * <pre>{@code
 * try (Cluster cluster = Cluster.startLocal(3)) {      // three member JVMs on this machine
 *     Context ctx = cluster.context();
 *     try (Pool pool = ctx.pool(6)) {
 *         pool.map((Integer x) -> x * x, List.of(1, 2, 3));   // [1, 4, 9], computed on the members
 *     }
 * }
 * }</pre>
 *
 * <p>A handle rather than just a context: closing it stops the members it started and ends the session, and
 * {@link #members()} names the members (a notebook can kill one to watch a fault). Everything the session made
 * on the cluster is freed when it ends, by {@link #close()} or because this JVM died: its running tasks are
 * interrupted, its classes dropped on every member, its queues and maps destroyed.
 *
 * <p>Hazelcast open-source has no TLS and no authentication: every task and every item is sealed with the
 * cluster key (HMAC-SHA256) and members refuse what is not; anyone on the network can still read what travels
 * and disturb the cluster, so run members on a private network.
 */
public final class Cluster implements AutoCloseable {
    /** How long {@link #startLocal} waits for its members to form a cluster. */
    private static final Duration LOCAL_START_TIMEOUT = Duration.ofSeconds(120);
    /** How long {@link #connect} waits for the first member to answer. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A member of the cluster.
     *
     * @param address {@code host:port}
     * @param pid     its process id on its machine
     * @param local   whether this JVM started it ({@link #startLocal}), so that it stops with the cluster
     */
    public record Member(String address, long pid, boolean local) {
    }

    private final NotebookSession session;
    private final LocalMembers localMembers;
    private final Context context;

    private Cluster(NotebookSession session, LocalMembers localMembers) {
        this.session = session;
        this.localMembers = localMembers;
        ClusterRuntime.install(session.attachment());
        this.context = Context.of(new ClusterBackend(session.attachment(), session.id()));
    }

    /**
     * Starts {@code members} member JVMs on this machine (127.0.0.1, free ports, a fresh key handed to each on
     * its standard input), waits until they form a cluster, and connects. The members are children of this
     * JVM: they stop with {@link #close()}, and when this JVM ends however it ends.
     */
    public static Cluster startLocal(int members) {
        ClusterKey key = ClusterKey.generate();
        LocalMembers local = LocalMembers.start(members, key);
        HazelcastInstance client = null;
        NotebookSession session = null;
        try {
            client = NotebookSession.client(local.addresses(), key, LOCAL_START_TIMEOUT);
            // The session is registered once the cluster is whole: an operation sent while members are still
            // joining (or merging clusters they formed apart) can wait for the invocation timeout.
            long deadline = System.nanoTime() + LOCAL_START_TIMEOUT.toNanos();
            while (client.getCluster().getMembers().size() < members) {
                local.checkAlive();
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the local cluster's " + members + " members did not all join"
                            + " within " + LOCAL_START_TIMEOUT.toSeconds() + " s (" + client.getCluster().getMembers().size()
                            + " did)");
                }
                Thread.sleep(50);
            }
            session = NotebookSession.open(client, key);
            return new Cluster(session, local);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAll(client, session, local);
            throw new IllegalStateException("interrupted while starting the local cluster", e);
        } catch (RuntimeException e) {
            closeAll(client, session, local);
            try {
                local.checkAlive();
            } catch (IllegalStateException died) {
                e.addSuppressed(died);
            }
            throw e;
        }
    }

    private static void closeAll(HazelcastInstance client, NotebookSession session, LocalMembers local) {
        if (session != null) {
            session.close();
        } else if (client != null) {
            client.shutdown();
        }
        local.close();
    }

    /**
     * Connects to a running cluster: members started with {@code ./run member --join ... --key-file F} (or
     * {@code java -jar kernel-cluster-0.1.0-member.jar ...}) with the same key file.
     *
     * @param addresses some of the members, {@code host} or {@code host:port} (port 5701 when left out)
     * @param keyFile   the cluster key: one line of hex ({@link #writeNewKey} makes one)
     */
    public static Cluster connect(List<String> addresses, Path keyFile) {
        Objects.requireNonNull(addresses, "addresses");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("give at least one member's address (host or host:port)");
        }
        ClusterKey key;
        try {
            key = ClusterKey.read(Objects.requireNonNull(keyFile, "keyFile"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster key from " + keyFile + ": " + e.getMessage(), e);
        }
        List<String> withPorts = new ArrayList<>();
        for (String address : addresses) {
            withPorts.add(address.contains(":") ? address : address + ":" + MemberConfig.DEFAULT_PORT);
        }
        return new Cluster(NotebookSession.connect(withPorts, key, CONNECT_TIMEOUT), null);
    }

    /** Writes a new random cluster key to {@code keyFile} (readable by its owner only), for members and notebooks. */
    public static void writeNewKey(Path keyFile) throws IOException {
        ClusterKey.generate().write(keyFile);
    }

    /** The context whose pools and processes run on this cluster. */
    public Context context() {
        return context;
    }

    /** The members now, oldest first. */
    public List<Member> members() {
        List<Member> members = new ArrayList<>();
        for (com.hazelcast.cluster.Member m : session.members()) {
            long pid = NotebookSession.pid(m);
            String address = m.getAddress().getHost() + ":" + m.getAddress().getPort();
            members.add(new Member(address, pid, localMembers != null && localMembers.isLocal(pid)));
        }
        return members;
    }

    /** This notebook's session id: the names of its objects on the cluster start with {@code jmp.<session>.}. */
    public String session() {
        return session.id();
    }

    /** Ends the session (the members free everything it made) and stops the members {@link #startLocal} started. */
    @Override
    public void close() {
        session.close();
        if (localMembers != null) {
            localMembers.close();
        }
    }

    @Override
    public String toString() {
        return "Cluster(" + (localMembers != null ? "local, " : "") + (session.isClosed() ? "closed" : members().size() + " members") + ")";
    }
}
