package org.jmultiprocessing.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One connection between a pool and a worker over a Unix domain socket: length-prefixed messages, and the
 * mutual authentication of Python's {@code multiprocessing.connection} (each side proves it knows the
 * session's key by answering a random challenge with its HMAC) before anything is deserialized.
 */
final class PoolChannel implements AutoCloseable {
    /** A handshake message is at most a digest and a challenge; anything longer is not from a peer of ours. */
    private static final int MAX_HANDSHAKE_LENGTH = 128;
    private static final int CHALLENGE_LENGTH = 32;

    private final SocketChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(Integer.BYTES);

    PoolChannel(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * The pool's side: it challenges, the worker answers with its digest and a challenge of its own, the
     * pool checks the digest and answers; three messages, where Python's two handshakes take six.
     */
    void authenticateWorker(byte[] key) throws IOException {
        byte[] challenge = HmacSha256.randomBytes(CHALLENGE_LENGTH);
        send(new MessageWriter(64).putBytes(challenge));
        MessageReader answer = receive(MAX_HANDSHAKE_LENGTH);
        if (!HmacSha256.equal(answer.getBytes(), HmacSha256.mac(key, challenge))) {
            throw new IOException("a process without this session's key connected to the pool; connection refused");
        }
        send(new MessageWriter(64).putBytes(HmacSha256.mac(key, answer.getBytes())));
    }

    /** The worker's side of {@link #authenticateWorker}: nothing from the pool is used before it is verified. */
    void authenticatePool(byte[] key) throws IOException {
        byte[] poolChallenge = receive(MAX_HANDSHAKE_LENGTH).getBytes();
        byte[] challenge = HmacSha256.randomBytes(CHALLENGE_LENGTH);
        send(new MessageWriter(128).putBytes(HmacSha256.mac(key, poolChallenge)).putBytes(challenge));
        if (!HmacSha256.equal(receive(MAX_HANDSHAKE_LENGTH).getBytes(), HmacSha256.mac(key, challenge))) {
            throw new IOException("the pool's socket did not prove it knows this session's key");
        }
    }

    void send(MessageWriter message) throws IOException {
        ByteBuffer bytes = message.finish();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    MessageReader receive() throws IOException {
        return receive(Integer.MAX_VALUE);
    }

    private MessageReader receive(int maxLength) throws IOException {
        header.clear();
        readFully(header);
        int length = header.getInt(0);
        if (length < 0 || length > maxLength) {
            throw new IOException("malformed message from the peer (length " + length + ")");
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(body);
        return new MessageReader(body.flip());
    }

    private void readFully(ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into) < 0) {
                throw new EOFException("connection closed by the peer");
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket whose peer is gone: nothing left to release.
        }
    }
}
