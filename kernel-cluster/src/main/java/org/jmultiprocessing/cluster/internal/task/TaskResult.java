package org.jmultiprocessing.cluster.internal.task;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a member sends back for a task, inside a seal: how it ended, how many output messages the task
 * published (the notebook waits for them all before it reports the end), and the payload.
 *
 * @param status      {@link #RESULTS}: {@code body} holds a chunk's results (see {@link ChunkValues});
 *                    {@link #EXITED}: {@code exitCode} is a process's; {@link #RAISED}: {@code body} is the
 *                    serialized exception (or empty when it could not be serialized) and {@code description}
 *                    says what it was; {@link #NOT_RECEIVED} / {@link #RESULT_NOT_TRANSFERABLE}: {@code
 *                    description} says why; {@code traceback} is a serialized {@code RemoteTraceback} or empty
 * @param memberPid   the pid of the member that ran it
 */
public record TaskResult(byte status, long outputMessages, int exitCode, byte[] body, byte[] traceback,
                         String description, long memberPid) {
    public static final byte RESULTS = 1;
    public static final byte EXITED = 2;
    public static final byte RAISED = 3;
    public static final byte NOT_RECEIVED = 4;
    public static final byte RESULT_NOT_TRANSFERABLE = 5;
    public static final byte SESSION_ENDED = 6;

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + traceback.length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(status);
            out.writeLong(outputMessages);
            out.writeInt(exitCode);
            out.writeInt(body.length);
            out.write(body);
            out.writeInt(traceback.length);
            out.write(traceback);
            out.writeUTF(description.length() > 16_000 ? description.substring(0, 16_000) : description);
            out.writeLong(memberPid);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // In memory.
        }
        return bytes.toByteArray();
    }

    public static TaskResult fromBytes(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte status = in.readByte();
            long messages = in.readLong();
            int exitCode = in.readInt();
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            byte[] traceback = new byte[in.readInt()];
            in.readFully(traceback);
            return new TaskResult(status, messages, exitCode, body, traceback, in.readUTF(), in.readLong());
        }
    }
}
