package org.jmultiprocessing.cluster.internal.task;

import java.io.Serializable;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

/**
 * Asked of every member when a client left one of them: is that client still connected to you? Only a client
 * gone from every member has ended its session; one that lost a single connection is still there. It carries
 * a client's id and reads nothing else, so it needs no seal.
 */
final class ClientCheck implements Callable<Boolean>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;

    private final String client;
    private transient HazelcastInstance member;

    ClientCheck(UUID client) {
        this.client = client.toString();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.member = member;
    }

    @Override
    public Boolean call() {
        UUID id = UUID.fromString(client);
        return member.getClientService().getConnectedClients().stream().anyMatch(c -> c.getUuid().equals(id));
    }
}
