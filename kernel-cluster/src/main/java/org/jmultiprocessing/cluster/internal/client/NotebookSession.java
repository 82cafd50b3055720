package org.jmultiprocessing.cluster.internal.client;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;
import org.jmultiprocessing.cluster.internal.member.MemberConfig;
import org.jmultiprocessing.cluster.internal.output.OutputRelay;
import org.jmultiprocessing.cluster.internal.task.CarrierTask;
import org.jmultiprocessing.cluster.internal.task.MemberSessions;
import org.jmultiprocessing.cluster.internal.task.TaskEnvelope;
import org.jmultiprocessing.cluster.internal.task.TaskResult;
import org.jmultiprocessing.spi.support.BackendThreads;

/**
 * A notebook's session on a cluster: its Hazelcast client, the session id its objects are named under, the
 * relay of its tasks' output, and the submission of sealed tasks to chosen members. The session ends when the
 * client disconnects: members then free it (see {@link MemberSessions}).
 */
public final class NotebookSession implements AutoCloseable {
    /** Kept: the JDK holds loggers weakly, and a collected logger would forget its level. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    private static final Map<String, NotebookSession> OPEN = new ConcurrentHashMap<>();

    private final HazelcastInstance client;
    private final ClusterKey key;
    private final String session;
    private final UUID clientUuid;
    private final IExecutorService executor;
    private final OutputRelay relay;
    private final ClusterRuntime.Attachment attachment;
    private final AtomicLong taskIds = new AtomicLong();
    private final AtomicInteger nextMember = new AtomicInteger();
    private final ThreadLocal<Boolean> ownThread = new ThreadLocal<>();
    /** Runs the completion of tasks (decoding results, users' callbacks): never Hazelcast's own threads. */
    private final ExecutorService completions = Executors.newCachedThreadPool(task -> {
        Thread thread = BackendThreads.unstarted(() -> {
            ownThread.set(Boolean.TRUE);
            task.run();
        }, "jmp-cluster-results");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    private NotebookSession(HazelcastInstance client, ClusterKey key) {
        this.client = client;
        this.key = key;
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        this.session = HexFormat.of().formatHex(id);
        this.clientUuid = client.getLocalEndpoint().getUuid();
        this.executor = client.getExecutorService(CarrierTask.EXECUTOR);
        this.attachment = new ClusterRuntime.Attachment(client, key);
        client.<String, byte[]>getMap(MemberSessions.REGISTRY)
                .set(session, key.seal(clientUuid.toString().getBytes(StandardCharsets.UTF_8)));
        this.relay = new OutputRelay(client, key, session);
    }

    /**
     * Connects a client to the members at {@code addresses} ({@code host:port}), waiting up to {@code timeout}
     * for the first of them.
     */
    public static NotebookSession connect(List<String> addresses, ClusterKey key, Duration timeout) {
        return open(client(addresses, key, timeout), key);
    }

    /**
     * A session over {@code client}, a client made by {@link #client}; the client is shut down if the session
     * cannot be opened, so that a failed start leaves no client threads behind.
     */
    public static NotebookSession open(HazelcastInstance client, ClusterKey key) {
        try {
            NotebookSession session = new NotebookSession(client, key);
            OPEN.put(session.session, session);
            return session;
        } catch (RuntimeException | Error e) {
            client.shutdown();
            throw e;
        }
    }

    /**
     * A client of the members at {@code addresses} ({@code host:port}), waiting up to {@code timeout} for the
     * first of them; {@link #open} makes it a session.
     */
    public static HazelcastInstance client(List<String> addresses, ClusterKey key, Duration timeout) {
        // In a notebook, Hazelcast's warnings (a member's connection reset, with its stack trace) would fill the
        // cell; what matters reaches the caller as the error of the call it broke.
        HAZELCAST_LOG.setLevel(Level.SEVERE);
        ClientConfig config = new ClientConfig();
        config.setClusterName(key.clusterName());
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().setAddresses(new ArrayList<>(addresses));
        config.getSerializationConfig().setJavaSerializationFilterConfig(MemberConfig.serializationFilter());
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(timeout.toMillis());
        // The client's threads inherit the group of the thread that makes it: the library's, not a cell's.
        CompletableFuture<HazelcastInstance> made = new CompletableFuture<>();
        BackendThreads.startDaemon(() -> {
            try {
                made.complete(HazelcastClient.newHazelcastClient(config));
            } catch (Throwable t) {
                made.completeExceptionally(t);
            }
        }, "jmp-cluster-connect");
        HazelcastInstance client;
        try {
            client = made.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to the cluster at " + addresses, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot connect to the cluster at " + addresses + " within " + timeout
                    + ": " + e.getCause().getMessage() + " (are members running there, started with the same key?)",
                    e.getCause());
        }
        return client;
    }

    /**
     * The open session {@code session} of this JVM.
     *
     * @throws IllegalStateException on a member, or once the session was closed
     */
    public static NotebookSession of(String session) {
        NotebookSession open = OPEN.get(session);
        if (open == null) {
            throw new IllegalStateException("the cluster session " + session + " is not open in this JVM: pools and"
                    + " processes start from the notebook that connected (Cluster.startLocal or Cluster.connect),"
                    + " and not after Cluster.close()");
        }
        return open;
    }

    public String id() {
        return session;
    }

    public HazelcastInstance client() {
        return client;
    }

    public ClusterRuntime.Attachment attachment() {
        return attachment;
    }

    public OutputRelay relay() {
        return relay;
    }

    public Executor completions() {
        return completions;
    }

    /** Whether the calling thread is one of {@link #completions()}' (a result callback runs there). */
    public boolean isCompletionThread() {
        return ownThread.get() != null;
    }

    public long nextTaskId() {
        return taskIds.incrementAndGet();
    }

    /** The members now, oldest first. */
    public List<Member> members() {
        return new ArrayList<>(client.getCluster().getMembers());
    }

    /**
     * A member to run the next task on, in turn, leaving out {@code avoid} (members that just failed a task);
     * {@code null} when no other member is left.
     */
    public Member pickMember(Set<UUID> avoid) {
        List<Member> members = members();
        members.removeIf(m -> avoid.contains(m.getUuid()));
        if (members.isEmpty()) {
            return null;
        }
        return members.get(Math.floorMod(nextMember.getAndIncrement(), members.size()));
    }

    /** The pid of {@code member}, as it announced it. */
    public static long pid(Member member) {
        String pid = member.getAttribute(MemberConfig.PID_ATTRIBUTE);
        return pid == null ? -1 : Long.parseLong(pid);
    }

    /** How an error names a member: its address and pid. */
    public static String describe(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort() + " (pid " + pid(member) + ")";
    }

    /**
     * Sends a task to {@code member}. The future completes with the opened result, or with Hazelcast's error
     * when the task did not come back (the member left, the connection broke); it runs its dependents on this
     * session's completion threads.
     */
    public Submitted submit(Member member, long taskId, byte kind, byte[] shipment) {
        byte[] sealed = key.seal(new TaskEnvelope(session, clientUuid, taskId, kind, shipment).toBytes());
        Future<byte[]> future = executor.submitToMember(new CarrierTask(sealed), member);
        CompletableFuture<TaskResult> result = new CompletableFuture<>();
        ((CompletableFuture<byte[]>) future).whenCompleteAsync((bytes, error) -> {
            if (error != null) {
                result.completeExceptionally(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error);
                return;
            }
            try {
                result.complete(TaskResult.fromBytes(key.open(bytes)));
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        }, completions);
        return new Submitted(member, future, result);
    }

    /** A task on its way: the member it went to, Hazelcast's future (to cancel it) and the opened result. */
    public record Submitted(Member member, Future<byte[]> hazelcastFuture, CompletableFuture<TaskResult> result) {
        /** Asks the member to interrupt the task. */
        public void cancel() {
            hazelcastFuture.cancel(true);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Ends the session: the client disconnects, and the members free what the session left. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(session);
        relay.close();
        ClusterRuntime.uninstall(attachment);
        try {
            client.shutdown();
        } catch (RuntimeException e) {
            // Already disconnected.
        }
        // The completion threads stay: the calls the shutdown failed still complete on them (and release their
        // pools); idle, they end within a minute.
    }
}
