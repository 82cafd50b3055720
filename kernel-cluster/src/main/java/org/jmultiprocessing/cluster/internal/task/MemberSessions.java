package org.jmultiprocessing.cluster.internal.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.output.OutputRouting;
import org.jmultiprocessing.cluster.internal.output.TaskOutput;
import org.jmultiprocessing.Target;
import org.jmultiprocessing.spi.ProcessTask;
import org.jmultiprocessing.spi.ship.Receiver;
import org.jmultiprocessing.spi.ship.Shipment;

/**
 * The notebook sessions a member serves. Each session has its own class loader (a {@link Receiver}): two
 * notebooks never see each other's classes, and one notebook's tasks share its classes (a queue item of a
 * cell class is read with the class its task defined). A session ends when its notebook's client has left
 * every member (closed, or its JVM died): its running tasks are interrupted, its loader dropped, and its
 * distributed objects (named {@code jmp.<session>.*}) destroyed.
 */
public final class MemberSessions {
    /** Sessions that ended are remembered, so that a late task of theirs is refused rather than revived. */
    private static final int ENDED_REMEMBERED = 10_000;

    /**
     * The map of live sessions to their client's UUID (sealed), written by each notebook when it connects, so
     * that every member can free a session when its client leaves.
     */
    public static final String REGISTRY = "jmp.sessions";

    /** How often a member asks again whether a client that left it is still connected to another member. */
    private static final long RECHECK_MILLIS = 1000;
    private static final long CHECK_TIMEOUT_SECONDS = 10;
    private static final Throwable NO_FAILURE = new Throwable("no failure");

    private static volatile MemberSessions instance;

    private final HazelcastInstance member;
    private final ClusterKey key;
    private final String where;
    private final Map<String, SessionState> sessions = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    /** Checks whether clients that left are gone; never Hazelcast's event threads, which must not block. */
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jmp-session-checks");
        thread.setDaemon(true);
        return thread;
    });

    private static final class SessionState {
        final UUID client;
        final Set<Thread> running = ConcurrentHashMap.newKeySet();
        /** Per pool that ran a chunk here: {@link #NO_FAILURE}, or how its initializer failed. */
        final Map<Long, Throwable> initialized = new ConcurrentHashMap<>();
        Receiver receiver;

        SessionState(UUID client) {
            this.client = client;
        }

        synchronized Receiver receiver(Shipment shipment) {
            if (receiver == null) {
                receiver = new Receiver(shipment.classpath(), MemberSessions.class.getClassLoader());
            }
            return receiver;
        }
    }

    private MemberSessions(HazelcastInstance member, ClusterKey key) {
        this.member = member;
        this.key = key;
        com.hazelcast.cluster.Address address = member.getCluster().getLocalMember().getAddress();
        this.where = "on cluster member " + address.getHost() + ":" + address.getPort() + " (pid "
                + ProcessHandle.current().pid() + ")";
        member.getClientService().addClientListener(new ClientListener() {
            @Override
            public void clientConnected(Client client) {
            }

            @Override
            public void clientDisconnected(Client client) {
                checks.execute(() -> endSessionsIfGone(client.getUuid()));
            }
        });
    }

    /** Serves tasks on {@code member}; called once, when the member starts. */
    public static void install(HazelcastInstance member, ClusterKey key) {
        instance = new MemberSessions(member, key);
    }

    static MemberSessions instance() {
        MemberSessions sessions = instance;
        if (sessions == null) {
            throw new IllegalStateException("this JVM is not a jmultiprocessing cluster member (start members with"
                    + " ./run member, or Cluster.startLocal)");
        }
        return sessions;
    }

    /** Runs a task of a session in the calling executor thread, its output routed to the session's notebook. */
    TaskResult run(TaskEnvelope envelope) {
        SessionState state = state(envelope);
        if (state == null) {
            return new TaskResult(TaskResult.SESSION_ENDED, 0, 0, new byte[0], new byte[0],
                    "the notebook session " + envelope.session() + " has ended", ProcessHandle.current().pid());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        state.running.add(thread);
        OutputRouting.begin(new TaskOutput(member, key, envelope.session(), envelope.taskId()));
        TaskResult result = null;
        long messages;
        try {
            result = runIn(state, envelope, thread);
        } finally {
            messages = OutputRouting.end();
            thread.setContextClassLoader(previous);
            state.running.remove(thread);
            Thread.interrupted(); // an interrupt meant for this task (cancelled) ends with it
        }
        return new TaskResult(result.status(), messages, result.exitCode(), result.body(), result.traceback(),
                result.description(), result.memberPid());
    }

    private TaskResult runIn(SessionState state, TaskEnvelope envelope, Thread thread) {
        Object graph;
        try {
            Shipment shipment = Shipment.fromBytes(envelope.shipment());
            Receiver receiver = state.receiver(shipment);
            thread.setContextClassLoader(receiver.loader());
            graph = receiver.open(shipment);
        } catch (Exception | LinkageError e) {
            return TaskRunners.failure(TaskResult.NOT_RECEIVED, "the member could not receive the task: " + e, e, where);
        }
        if (envelope.kind() == TaskEnvelope.PROCESS) {
            return TaskRunners.process((ProcessTask) graph);
        }
        Object[] call = (Object[]) graph;
        Target initializer = (Target) call[3];
        if (initializer != null) {
            Throwable failed = state.initialized.computeIfAbsent((Long) call[4], pool -> initialize(initializer));
            if (failed != NO_FAILURE) {
                return TaskRunners.failure(TaskResult.RAISED, "the pool's initializer failed " + where + ": " + failed,
                        failed, where);
            }
        }
        Object[] items;
        try {
            items = call[2] != null ? (Object[]) call[2] : ChunkValues.decode((byte[]) call[5], bytes -> {
                throw new IOException("packed items hold no serialized array");
            });
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return TaskRunners.failure(TaskResult.NOT_RECEIVED, "the member could not read the chunk's items: " + e, e, where);
        }
        return TaskRunners.chunk(call[0], (Boolean) call[1], items, where);
    }

    /** Runs a pool's initializer, once per pool on this member (Python runs it once per worker). */
    private static Throwable initialize(Target initializer) {
        try {
            initializer.run();
            return NO_FAILURE;
        } catch (Throwable t) {
            System.err.println("The initializer of a pool failed on this member:");
            t.printStackTrace();
            return t;
        }
    }

    private SessionState state(TaskEnvelope envelope) {
        if (ended.contains(envelope.session())) {
            return null;
        }
        SessionState state = sessions.computeIfAbsent(envelope.session(), s -> new SessionState(envelope.client()));
        if (ended.contains(envelope.session())) {
            sessions.remove(envelope.session());
            return null;
        }
        return state;
    }

    /**
     * Ends the sessions of {@code client} once it is connected to no member; while it still is to some
     * (it lost only its connection to this one, or the others have not yet seen it go), asks again later.
     */
    private void endSessionsIfGone(UUID client) {
        boolean connected;
        try {
            connected = connectedHere(client);
            if (!connected) {
                for (Future<Boolean> answer : member.getExecutorService(CarrierTask.EXECUTOR)
                        .submitToAllMembers(new ClientCheck(client)).values()) {
                    connected |= answer.get(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            return; // The member is shutting down.
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            connected = true; // A member that did not answer may have left or be busy: ask again.
        }
        if (!connected) {
            endSessionsOf(client);
        } else if (!connectedHere(client) && member.getLifecycleService().isRunning()) {
            checks.schedule(() -> endSessionsIfGone(client), RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean connectedHere(UUID client) {
        return member.getClientService().getConnectedClients().stream().anyMatch(c -> c.getUuid().equals(client));
    }

    /**
     * Ends the sessions of a client that left: those this member ran tasks for, and those the client
     * registered in {@link #REGISTRY} (a session whose objects live here although none of its tasks ran here).
     */
    private void endSessionsOf(UUID client) {
        sessions.forEach((session, state) -> {
            if (state.client.equals(client)) {
                end(session);
            }
        });
        IMap<String, byte[]> registry = member.getMap(REGISTRY);
        for (Map.Entry<String, byte[]> entry : registry.entrySet()) {
            UUID owner;
            try {
                owner = UUID.fromString(new String(key.open(entry.getValue()), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                registry.remove(entry.getKey()); // Not ours: someone without the key wrote it.
                continue;
            }
            if (owner.equals(client)) {
                end(entry.getKey());
                registry.remove(entry.getKey());
            }
        }
    }

    /** Ends {@code session} here: interrupts its tasks, drops its loader, destroys its distributed objects. */
    void end(String session) {
        if (ended.size() >= ENDED_REMEMBERED) {
            ended.clear();
        }
        ended.add(session);
        SessionState state = sessions.remove(session);
        if (state != null) {
            state.running.forEach(Thread::interrupt);
        }
        String prefix = "jmp." + session + ".";
        for (DistributedObject object : List.copyOf(member.getDistributedObjects())) {
            if (object.getName().startsWith(prefix)) {
                try {
                    object.destroy();
                } catch (RuntimeException e) {
                    // Another member destroyed it first.
                }
            }
        }
    }

    /** The sessions with a class loader on this member (none when this JVM is not one), for tests and diagnostics. */
    public static Set<String> sessionsHere() {
        MemberSessions here = instance;
        return here == null ? Set.of() : Set.copyOf(here.sessions.keySet());
    }
}
