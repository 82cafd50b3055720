package org.jmultiprocessing.cluster;

import java.util.UUID;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import org.jmultiprocessing.Context;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jmultiprocessing.cluster.internal.backend.ClusterBackend;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;

/**
 * One Hazelcast member started in the test JVM (TCP-IP on 127.0.0.1, multicast off, a cluster name of its
 * own so that no other cluster on this machine joins it, the members' serialization filter) and a client of
 * it, shared by every test of this JVM and shut down when it exits. The backend under test runs on the client, as in a notebook; the member
 * runs the entry processors, with the same key installed.
 */
public final class EmbeddedCluster {
    private static EmbeddedCluster shared;

    private final HazelcastInstance member;
    private final HazelcastInstance client;
    private final ClusterKey key = ClusterKey.generate();
    private final ClusterRuntime.Attachment attachment;
    private final String clusterName = "jmp-test-" + UUID.randomUUID();

    private EmbeddedCluster() {
        Config config = new Config().setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPortAutoIncrement(true).setPortCount(100);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        // As on real members: Java serialization for kernel-cluster's classes and byte arrays only.
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
        filter.getWhitelist().addPrefixes("org.jmultiprocessing.cluster.internal.").addClasses("[B");
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        member = Hazelcast.newHazelcastInstance(config);
        int port = member.getCluster().getLocalMember().getAddress().getPort();
        ClientConfig clientConfig = new ClientConfig().setClusterName(clusterName);
        clientConfig.setProperty("hazelcast.logging.type", "none");
        clientConfig.getNetworkConfig().addAddress("127.0.0.1:" + port);
        client = HazelcastClient.newHazelcastClient(clientConfig);
        attachment = new ClusterRuntime.Attachment(client, key);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            client.shutdown();
            member.shutdown();
        }, "embedded-cluster-shutdown"));
    }

    /**
     * Makes the embedded cluster this JVM's current attachment for one test class (objects that travel
     * reattach through it), and the one before it current again afterwards: the shared local cluster's tests
     * run in the same JVM.
     */
    public static final class Scope implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            ClusterRuntime.install(get().attachment);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            ClusterRuntime.uninstall(get().attachment);
        }
    }

    /** The cluster of this JVM, started on first use. */
    public static synchronized EmbeddedCluster get() {
        if (shared == null) {
            shared = new EmbeddedCluster();
        }
        return shared;
    }

    /** A context on a new session of the client. */
    public Context newContext() {
        return Context.of(backend(UUID.randomUUID().toString()));
    }

    public ClusterBackend backend(String session) {
        return new ClusterBackend(attachment, session);
    }

    public HazelcastInstance client() {
        return client;
    }

    public String clusterName() {
        return clusterName;
    }

    public int memberPort() {
        return member.getCluster().getLocalMember().getAddress().getPort();
    }

    public ClusterKey key() {
        return key;
    }
}
