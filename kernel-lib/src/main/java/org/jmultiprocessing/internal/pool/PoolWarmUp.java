package org.jmultiprocessing.internal.pool;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.jmultiprocessing.internal.codec.MessageReader;
import org.jmultiprocessing.internal.codec.MessageWriter;
import org.jmultiprocessing.internal.codec.ValueCodec;

/**
 * What a ready standby does while it waits, so that it is ready at once when it becomes a pool worker (and so
 * that the class-data-sharing training run archives it): the backend gives it to the launcher.
 */
public final class PoolWarmUp implements Runnable {
    @Override
    public void run() {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.isOpen(); // pool workers connect over one; its set-up seeds a SecureRandom
            HmacSha256.mac(HmacSha256.randomBytes(32), new byte[32]); // and prove the session key
        } catch (IOException e) {
            // Only a warm-up.
        }
        for (Class<?> loaded : List.of(PoolWorker.class, PoolChannel.class, MessageReader.class, MessageWriter.class,
                ValueCodec.class)) {
            loaded.getName();
        }
    }
}
