package org.jmultiprocessing.internal.pool;

import org.jmultiprocessing.internal.codec.MessageReader;
import org.jmultiprocessing.internal.codec.MessageWriter;
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
     * The pool's side of the handshake, step by step on a non-blocking channel, so that a {@link PoolListener}
     * can wait on several connections at once and a peer that never answers holds nothing up: the pool
     * challenges, the worker answers with its digest and a challenge of its own, the pool checks the digest
     * and answers; three messages, where Python's two handshakes take six.
     */
    static final class WorkerHandshake {
        private final SocketChannel channel;
        private final byte[] key;
        private final byte[] challenge = HmacSha256.randomBytes(CHALLENGE_LENGTH);
        private final long deadline;
        private final ByteBuffer header = ByteBuffer.allocate(Integer.BYTES);
        private ByteBuffer body;
        private byte[] workerChallenge;

        /** Sends the challenge on a newly accepted non-blocking channel; the answer is due by {@code deadline}. */
        WorkerHandshake(SocketChannel channel, byte[] key, long deadline) throws IOException {
            this.channel = channel;
            this.key = key;
            this.deadline = deadline;
            ByteBuffer message = new MessageWriter(64).putBytes(challenge).finish();
            channel.write(message);
            if (message.hasRemaining()) {
                throw new IOException("the peer does not read its connection"); // a fresh socket takes 40 bytes
            }
        }

        SocketChannel channel() {
            return channel;
        }

        long deadline() {
            return deadline;
        }

        /**
         * Reads what has arrived of the answer. Returns true once it proves the session key, false while it is
         * incomplete; throws when the peer closed, sent something malformed or does not know the key.
         */
        boolean answered() throws IOException {
            if (body == null) {
                if (!readSome(header)) {
                    return false;
                }
                int length = header.getInt(0);
                if (length < 0 || length > MAX_HANDSHAKE_LENGTH) {
                    throw new IOException("malformed handshake from the peer (length " + length + ")");
                }
                body = ByteBuffer.allocate(length);
            }
            if (!readSome(body)) {
                return false;
            }
            MessageReader answer = new MessageReader(body.flip());
            byte[] digest;
            try {
                digest = answer.getBytes();
                workerChallenge = answer.getBytes();
            } catch (RuntimeException e) {
                throw new IOException("malformed handshake from the peer", e);
            }
            if (!HmacSha256.equal(digest, HmacSha256.mac(key, challenge))) {
                throw new IOException("a process without this session's key connected to the pool; connection refused");
            }
            return true;
        }

        /**
         * Once {@link #answered()} and the channel is off the listener's selector: makes it blocking again and
         * proves the pool's side to the worker.
         */
        PoolChannel accepted() throws IOException {
            channel.configureBlocking(true);
            PoolChannel accepted = new PoolChannel(channel);
            accepted.send(new MessageWriter(64).putBytes(HmacSha256.mac(key, workerChallenge)));
            return accepted;
        }

        /** Reads what is there into {@code into}; returns whether it is full. */
        private boolean readSome(ByteBuffer into) throws IOException {
            if (channel.read(into) < 0) {
                throw new EOFException("connection closed by the peer");
            }
            return !into.hasRemaining();
        }
    }

    /** The worker's side of {@link WorkerHandshake}: nothing from the pool is used before it is verified. */
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
