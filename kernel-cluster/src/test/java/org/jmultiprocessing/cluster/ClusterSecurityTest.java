package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import org.jmultiprocessing.Func;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;
import org.jmultiprocessing.cluster.internal.task.CarrierTask;
import org.jmultiprocessing.cluster.internal.task.TaskEnvelope;
import org.jmultiprocessing.cluster.internal.task.TaskResult;
import org.jmultiprocessing.spi.ship.Shipment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program with network access but without the key, talking to the members with a raw Hazelcast client:
 * nothing it sends is read, defined or run. The payloads leave a mark (a file) when they are deserialized, and
 * the members have their classes (this test's classpath), so a missing mark means they were never read.
 */
@ExtendWith(SharedCluster.class)
class ClusterSecurityTest {
    private static HazelcastInstance raw;
    private static ClusterKey key;
    @TempDir
    Path marks;

    /** A task of a foreign class: Hazelcast's serialization filter on members must refuse to read it. */
    static final class MarkingTask implements Callable<String>, Serializable {
        private final String mark;

        MarkingTask(String mark) {
            this.mark = mark;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            Files.createFile(Path.of(mark));
        }

        @Override
        public String call() {
            return "ran";
        }
    }

    /** An item inside a carrier: read only if the carrier's seal is valid. */
    static final class MarkingValue implements Serializable {
        private final String mark;

        MarkingValue(String mark) {
            this.mark = mark;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            Files.createFile(Path.of(mark));
        }
    }

    @BeforeAll
    static void connectRawClient() {
        key = ClusterRuntime.current().key();
        ClientConfig config = new ClientConfig();
        config.setClusterName(key.clusterName());
        config.getNetworkConfig().setAddresses(new ArrayList<>(SharedCluster.cluster().members().stream().map(Cluster.Member::address).toList()));
        raw = HazelcastClient.newHazelcastClient(config);
    }

    @AfterAll
    static void disconnect() {
        raw.shutdown();
    }

    private static IExecutorService executor() {
        return raw.getExecutorService(CarrierTask.EXECUTOR);
    }

    private static Member anyMember() {
        return raw.getCluster().getMembers().iterator().next();
    }

    @Test
    void shouldRefuseATaskOfAForeignClassWithoutReadingIt() {
        Path mark = marks.resolve("foreign-task-was-read");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> executor().submitToMember(new MarkingTask(mark.toString()), anyMember()).get(30, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause()).contains("is not allowed"), String.valueOf(e.getCause()));
        assertFalse(Files.exists(mark));
    }

    @Test
    void shouldRefuseACarrierWithoutAValidSealWithoutReadingItsPayload() throws Exception {
        Path mark = marks.resolve("payload-was-read");
        byte[] envelope = envelope(mark);
        for (byte[] forged : new byte[][] {envelope, ClusterKey.generate().seal(envelope), tampered(key.seal(envelope))}) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> executor().submitToMember(new CarrierTask(forged), anyMember()).get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof SecurityException, String.valueOf(e.getCause()));
            assertFalse(Files.exists(mark), "the payload was read before the seal was checked");
        }
        // The same envelope sealed with the cluster's key is read and run: the mark shows the test can fail.
        byte[] result = executor().submitToMember(new CarrierTask(key.seal(envelope)), anyMember()).get(30, TimeUnit.SECONDS);
        assertEquals(TaskResult.RESULTS, TaskResult.fromBytes(key.open(result)).status());
        assertTrue(Files.exists(mark));
    }

    private static byte[] envelope(Path mark) {
        Func<Object, String> function = x -> "read";
        Object[] root = {function, false, new Object[] {new MarkingValue(mark.toString())}, null, 1L, null};
        byte[] shipment = Shipment.capture(root, Map.of("the chunk", root), "a test").toBytes();
        return new TaskEnvelope("forger", raw.getLocalEndpoint().getUuid(), 1, TaskEnvelope.POOL_CHUNK, shipment).toBytes();
    }

    private static byte[] tampered(byte[] sealed) {
        byte[] copy = sealed.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}
