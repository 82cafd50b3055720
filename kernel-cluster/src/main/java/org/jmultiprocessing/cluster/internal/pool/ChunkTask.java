package org.jmultiprocessing.cluster.internal.pool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jmultiprocessing.cluster.internal.client.NotebookSession;
import org.jmultiprocessing.cluster.internal.task.ChunkValues;
import org.jmultiprocessing.spi.ship.Shipment;

/**
 * Consecutive items of one call, shipped (with the call's function) in the caller's thread, so that a part
 * that cannot travel fails the call at once. A chunk that was on a member that left runs again on another:
 * {@link #avoid} holds the members it failed on, {@link #lostOn} how an error names them.
 */
final class ChunkTask {
    final ClusterCall call;
    final int index;
    final int size;
    final byte[] shipment;
    final Set<UUID> avoid = new HashSet<>();
    final List<String> lostOn = new ArrayList<>();
    /** The attempt now on a member, for a thread that cancels the call. */
    volatile NotebookSession.Submitted running;

    private ChunkTask(ClusterCall call, int index, int size, byte[] shipment) {
        this.call = call;
        this.index = index;
        this.size = size;
        this.shipment = shipment;
    }

    /**
     * Ships {@code items}, the input's items from index {@code firstItem} on; a negative {@code firstItem} means
     * the one item is the argument array of an {@code apply}.
     */
    static ChunkTask ship(ClusterCall call, int index, Object[] items, int firstItem) {
        ClusterPool pool = call.pool;
        byte[] packed = call.starred ? null : ChunkValues.packedOrNull(items);
        Object[] root = {call.function, call.starred, packed == null ? items : null, pool.initializer(), pool.id(), packed};
        Map<String, Object> labelled = new LinkedHashMap<>();
        labelled.put("the function", call.function);
        if (pool.initializer() != null) {
            labelled.put("the initializer", pool.initializer());
        }
        if (packed == null) {
            labelled.putAll(labelledItems(call.starred, items, firstItem));
        }
        byte[] bytes = Shipment.capture(root, labelled, ClusterPool.MEMBER).toBytes();
        return new ChunkTask(call, index, items.length, bytes);
    }

    /**
     * Names the items for an error message as the caller knows them: by their index in the input, and for a
     * starred call each argument by its position (counted from 1, as for a {@code Process}).
     */
    private static Map<String, Object> labelledItems(boolean starred, Object[] items, int firstItem) {
        Map<String, Object> labelled = new LinkedHashMap<>();
        for (int i = 0; i < items.length; i++) {
            String position = " at index " + (firstItem + i) + " of the input";
            if (!starred) {
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
