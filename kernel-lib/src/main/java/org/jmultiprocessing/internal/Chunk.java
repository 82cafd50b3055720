package org.jmultiprocessing.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consecutive items of one job, encoded in the caller's thread (so that an argument that cannot travel fails
 * the call at once) and sent to one worker as one message.
 *
 * @param index   position of the chunk in its job
 * @param values  the items as {@link ValueCodec} wrote them
 * @param classes cell classes the items need
 */
record Chunk(Job job, int index, int size, byte[] values, Map<String, byte[]> classes) {
    /**
     * Encodes {@code items}; {@code label} names an item in an error message ("item" gives "item 7"), or
     * names the only item as it is when {@code firstItem} is negative.
     */
    static Chunk encode(Job job, int index, Object[] items, int firstItem, String label) {
        MessageWriter out = new MessageWriter(64 + items.length * 8);
        Map<String, byte[]> classes = Map.of();
        if (!ValueCodec.writePacked(out, items)) {
            Map<String, Object> labelled = new LinkedHashMap<>();
            for (int i = 0; i < items.length; i++) {
                labelled.put(firstItem < 0 ? label : label + " " + (firstItem + i + 1), items[i]);
            }
            CodeShipment shipment = CodeShipment.capture(items, labelled);
            classes = shipment.classes();
            ValueCodec.writeSerialized(out, shipment.serialized());
        }
        return new Chunk(job, index, items.length, out.body(), classes);
    }
}
