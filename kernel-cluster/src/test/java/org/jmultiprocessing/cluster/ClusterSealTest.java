package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Map;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;

import org.jmultiprocessing.Context;
import org.jmultiprocessing.Queue;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A program without the cluster key (a raw Hazelcast client) cannot make a receiver deserialize anything. */
@ExtendWith(EmbeddedCluster.Scope.class)
class ClusterSealTest {
    /** Set by {@link Mark#readObject}: proof that an item was deserialized. */
    static volatile boolean deserialized;

    static final class Mark implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialized = true;
        }
    }

    private static HazelcastInstance intruder;

    @BeforeAll
    static void connectAnIntruder() {
        EmbeddedCluster cluster = EmbeddedCluster.get();
        ClientConfig config = new ClientConfig().setClusterName(cluster.clusterName());
        config.setProperty("hazelcast.logging.type", "none");
        config.getNetworkConfig().addAddress("127.0.0.1:" + cluster.memberPort());
        intruder = HazelcastClient.newHazelcastClient(config);
    }

    @AfterAll
    static void disconnect() {
        intruder.shutdown();
    }

    private static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** The IQueue behind a queue of the cluster context, found by the name a raw client would guess or list. */
    private static String queueName(Queue<?> queue) throws ReflectiveOperationException {
        Field channel = Queue.class.getDeclaredField("channel");
        channel.setAccessible(true);
        Field name = channel.get(queue).getClass().getDeclaredField("name");
        name.setAccessible(true);
        return (String) name.get(channel.get(queue));
    }

    @Test
    void shouldRefuseUnsealedAndWronglySealedItemsWithoutDeserializingThem() throws Exception {
        Context ctx = EmbeddedCluster.get().newContext();
        Queue<Object> q = ctx.queue();
        q.put(new Mark());
        assertTrue(q.get(5.0) instanceof Mark, "a sealed item is received");
        deserialized = false;

        IQueue<byte[]> raw = intruder.getQueue(queueName(q));
        byte[] payload = serialized(new Mark());
        raw.add(payload);
        SecurityException unsealed = assertThrows(SecurityException.class, () -> q.get(5.0));
        assertTrue(unsealed.getMessage().contains("MAC"), unsealed.getMessage());
        raw.add(ClusterKey.generate().seal(payload));
        SecurityException wrongKey = assertThrows(SecurityException.class, () -> q.get(5.0));
        assertTrue(wrongKey.getMessage().contains("does not match the cluster key"), wrongKey.getMessage());
        assertFalse(deserialized, "a refused item must never be deserialized");

        q.put("still works");
        assertEquals("still works", q.get(5.0));
    }

    @Test
    void shouldRefuseAForgedManagerEntry() throws Exception {
        Context ctx = EmbeddedCluster.get().newContext();
        try (org.jmultiprocessing.Manager manager = ctx.manager()) {
            Map<Object, Object> d = manager.dict();
            d.put("k", "v");
            String name = null;
            for (com.hazelcast.core.DistributedObject o : intruder.getDistributedObjects()) {
                if (o.getName().contains(".dict.") && intruder.getMap(o.getName()).size() == 1) {
                    name = o.getName();
                }
            }
            assertTrue(name != null, "the dict's IMap is visible to the intruder");
            deserialized = false;
            com.hazelcast.map.IMap<byte[], byte[]> raw = intruder.getMap(name);
            byte[] key = raw.keySet().iterator().next();
            raw.put(key, serialized(new Mark()));
            assertThrows(SecurityException.class, () -> d.get("k"));
            assertFalse(deserialized, "a refused value must never be deserialized");
        }
    }
}
