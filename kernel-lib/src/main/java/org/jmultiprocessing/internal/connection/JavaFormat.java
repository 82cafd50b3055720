package org.jmultiprocessing.internal.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.spi.MessageFormat;

/**
 * The format of Java peers: the message codec's tag in the first byte, then its payload, so that plain values
 * travel as compactly as through a pipe and anything else through filtered Java serialization.
 */
public final class JavaFormat implements MessageFormat {
    public static final JavaFormat INSTANCE = new JavaFormat();

    private JavaFormat() {
    }

    @Override
    public byte[] encode(Object message) {
        MessageCodec.Encoded encoded = MessageCodec.encode(message);
        byte[] bytes = new byte[1 + encoded.length()];
        bytes[0] = (byte) encoded.tag();
        System.arraycopy(encoded.bytes(), 0, bytes, 1, encoded.length());
        return bytes;
    }

    @Override
    public Object decode(byte[] message) {
        int tag = message.length == 0 ? -1 : message[0];
        if (tag < 0 || tag > MessageCodec.SERIALIZED) {
            throw notSentBySend(message);
        }
        try {
            return MessageCodec.decode(tag, Arrays.copyOfRange(message, 1, message.length));
        } catch (IndexOutOfBoundsException truncated) {
            throw notSentBySend(message);
        }
    }

    private static UncheckedIOException notSentBySend(byte[] message) {
        return new UncheckedIOException(new IOException("received a message that send() did not write (" + message.length
                + " bytes, sent with sendBytes or by a peer of another format): receive it with recvBytes()"));
    }
}
