package org.jmultiprocessing.internal.pool;

import org.jmultiprocessing.internal.codec.MessageReader;
import org.jmultiprocessing.internal.codec.MessageWriter;
import org.jmultiprocessing.internal.codec.ValueCodec;
import org.jmultiprocessing.internal.ship.CodeShipment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consecutive items of one job, for a pool of worker JVMs encoded in the caller's thread (so that an argument
 * that cannot travel fails the call at once) and sent to one worker as one message; for a pool of threads the
 * items themselves.
 *
 * @param index   position of the chunk in its job
 * @param values  the items as {@link ValueCodec} wrote them, for a worker JVM
 * @param classes cell classes the items need
 * @param items   the items, for a worker thread
 */
record Chunk(Job job, int index, int size, byte[] values, Map<String, byte[]> classes, Object[] items) {
    /**
     * Encodes {@code items}, the input's items from index {@code firstItem} on; a negative {@code firstItem}
     * means the one item is the argument array of an {@code apply}.
     */
    static Chunk encode(Job job, int index, Object[] items, int firstItem) {
        if (!job.pool.ships()) {
            return new Chunk(job, index, items.length, null, Map.of(), items);
        }
        MessageWriter out = new MessageWriter(64 + items.length * 8);
        Map<String, byte[]> classes = Map.of();
        if (!ValueCodec.writePacked(out, items)) {
            CodeShipment shipment = CodeShipment.capture(items, labelled(job, items, firstItem), PoolEngine.WORKER);
            classes = shipment.classes();
            ValueCodec.writeSerialized(out, shipment.serialized());
        }
        return new Chunk(job, index, items.length, out.body(), classes, null);
    }

    /**
     * Names the items for an error message as the caller knows them: by their index in the input, and for a
     * starred call each argument by its position (counted from 1, as for a {@code Process}).
     */
    private static Map<String, Object> labelled(Job job, Object[] items, int firstItem) {
        Map<String, Object> labelled = new LinkedHashMap<>();
        for (int i = 0; i < items.length; i++) {
            String position = " at index " + (firstItem + i) + " of the input";
            if (!job.starred) {
                labelled.put("the item" + position, items[i]);
                continue;
            }
            Object[] arguments = (Object[]) items[i];
            for (int a = 0; a < arguments.length; a++) {
                labelled.put("argument " + (a + 1) + (firstItem < 0 ? "" : " of the argument list" + position), arguments[a]);
            }
        }
        return labelled;
    }
}
