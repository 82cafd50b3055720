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
    /** A handshake message is a challenge or a digest; anything longer is not from a peer of ours. */
    private static final int MAX_HANDSHAKE_LENGTH = 64;
    private static final int CHALLENGE_LENGTH = 32;
    private static final byte[] WELCOME = {'o', 'k'};

    private final SocketChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(Integer.BYTES);

    PoolChannel(SocketChannel channel) {
        this.channel = channel;
    }

    /** The pool's side: the worker proves itself first, then the pool does. */
    void authenticateWorker(byte[] key) throws IOException {
        challenge(key);
        answer(key);
    }

    /** The worker's side of {@link #authenticateWorker}. */
    void authenticatePool(byte[] key) throws IOException {
        answer(key);
        challenge(key);
    }

    private void challenge(byte[] key) throws IOException {
        byte[] challenge = HmacSha256.randomBytes(CHALLENGE_LENGTH);
        send(new MessageWriter(64).putBytes(challenge));
        byte[] digest = receive(MAX_HANDSHAKE_LENGTH).getBytes();
        if (!HmacSha256.equal(digest, HmacSha256.mac(key, challenge))) {
            throw new IOException("a process without this session's key connected to the pool; connection refused");
        }
        send(new MessageWriter(16).putBytes(WELCOME));
    }

    private void answer(byte[] key) throws IOException {
        byte[] challenge = receive(MAX_HANDSHAKE_LENGTH).getBytes();
        send(new MessageWriter(64).putBytes(HmacSha256.mac(key, challenge)));
        if (!HmacSha256.equal(receive(MAX_HANDSHAKE_LENGTH).getBytes(), WELCOME)) {
            throw new IOException("the pool rejected this worker's key");
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
