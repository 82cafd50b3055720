package org.jmultiprocessing.cluster.internal.task;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * What a {@link CarrierTask} carries, once its seal is open: the notebook session it belongs to (and the
 * client of that session, whose departure ends it), the task's number in the session (its output is labelled
 * with it), what kind of task it is, and the {@code Shipment} bytes of its code and data.
 *
 * @param kind {@link #POOL_CHUNK} (the shipment is {@code Object[] {function, starred, items, initializer,
 *             pool id, packed items}}: the items in the shipment, or packed (see {@link ChunkValues})) or
 *             {@link #PROCESS} (a {@code ProcessTask})
 */
public record TaskEnvelope(String session, UUID client, long taskId, byte kind, byte[] shipment) {
    public static final byte POOL_CHUNK = 1;
    public static final byte PROCESS = 2;
    private static final int FORMAT = 1;

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(shipment.length + 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(session);
            out.writeLong(client.getMostSignificantBits());
            out.writeLong(client.getLeastSignificantBits());
            out.writeLong(taskId);
            out.writeByte(kind);
            out.writeInt(shipment.length);
            out.write(shipment);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // In memory.
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes()}; the bytes come from an opened seal, so a mismatch means another version. */
    public static TaskEnvelope fromBytes(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("task format " + format + ", expected " + FORMAT
                        + ": the notebook runs another kernel-cluster version than this member");
            }
            String session = in.readUTF();
            UUID client = new UUID(in.readLong(), in.readLong());
            long taskId = in.readLong();
            byte kind = in.readByte();
            byte[] shipment = new byte[in.readInt()];
            in.readFully(shipment);
            return new TaskEnvelope(session, client, taskId, kind, shipment);
        }
    }
}
