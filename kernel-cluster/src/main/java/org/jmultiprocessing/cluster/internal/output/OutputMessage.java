package org.jmultiprocessing.cluster.internal.output;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Text a task printed on a member, as it travels to the notebook (inside a seal): the task's number in its
 * session, which stream ({@link #OUT} or {@link #ERR}), and the bytes (UTF-8).
 */
record OutputMessage(long taskId, byte stream, byte[] text) {
    static final byte OUT = 1;
    static final byte ERR = 2;

    /** The topic a session's output travels on: under the session's prefix, so it goes with the session. */
    static String topic(String session) {
        return "jmp." + session + ".output";
    }

    byte[] toBytes() {
        return ByteBuffer.allocate(9 + text.length).putLong(taskId).put(stream).put(text).array();
    }

    static OutputMessage fromBytes(byte[] bytes) {
        if (bytes.length < 9) {
            throw new IllegalArgumentException("an output message of " + bytes.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new OutputMessage(buffer.getLong(), buffer.get(), Arrays.copyOfRange(bytes, 9, bytes.length));
    }
}
