package org.jmultiprocessing.cluster.internal.member;

import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.task.CarrierTask;

/**
 * A member's Hazelcast configuration: the cluster named after its key (clusters with different keys never
 * merge), bound to one interface, joining by TCP-IP to the listed addresses (multicast off), Java
 * serialization only for kernel-cluster's own carrier types and byte arrays.
 */
public final class MemberConfig {
    /** The member attribute holding the member's pid. */
    public static final String PID_ATTRIBUTE = "jmp.pid";
    /** The port a member takes when none is given. */
    public static final int DEFAULT_PORT = 5701;
    /**
     * Executor threads per member: a process may block for long (waiting on a queue), so there are many more
     * than cores; a pool's size bounds how many of its chunks run at once.
     */
    private static final int EXECUTOR_THREADS = 128;

    private MemberConfig() {
    }

    /**
     * @param bind the interface to listen on (an IP address)
     * @param join the members to join, {@code host} or {@code host:port}, one by one
     */
    public static Config of(ClusterKey key, String bind, int port, List<String> join) {
        Config config = new Config();
        config.setClusterName(key.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.socket.bind.any", "false");
        // Few partitions: a notebook's objects are few, and a member starts faster.
        config.setProperty("hazelcast.partition.count", "31");
        // Members started together may each form a cluster of their own before they see one another; they
        // merge at the first split-brain check, which by default comes minutes later.
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.getMemberAttributeConfig().setAttribute(PID_ATTRIBUTE, Long.toString(ProcessHandle.current().pid()));

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(bind);
        JoinConfig joining = network.getJoin();
        joining.getMulticastConfig().setEnabled(false);
        joining.getAutoDetectionConfig().setEnabled(false);
        joining.getTcpIpConfig().setEnabled(true);
        // One address at a time: a range ("host:5701-5703") with interfaces enabled kills the member.
        join.forEach(address -> joining.getTcpIpConfig().addMember(address));

        config.addExecutorConfig(new ExecutorConfig(CarrierTask.EXECUTOR).setPoolSize(EXECUTOR_THREADS).setQueueCapacity(0)
                .setStatisticsEnabled(false));
        config.getSerializationConfig().setJavaSerializationFilterConfig(serializationFilter());
        return config;
    }

    /**
     * Hazelcast's Java serialization filter: only kernel-cluster's own types (the carrier task, and the data
     * structures' entry processors) and byte arrays; anything else is refused before it is read. A notebook's
     * own objects travel inside sealed byte arrays and are read only after the seal is checked. The notebook's
     * client has the same filter: what comes back from members is byte arrays too.
     */
    public static JavaSerializationFilterConfig serializationFilter() {
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
        filter.getWhitelist().addPrefixes("org.jmultiprocessing.cluster.internal.").addClasses("[B");
        return filter;
    }
}
