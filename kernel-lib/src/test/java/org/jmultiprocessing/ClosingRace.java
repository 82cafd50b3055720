package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Closes a shared object while other threads keep using it. Without the in-flight count, the memory would
 * be unmapped under a running access, which crashes the JVM (and so fails the whole test run); with it, each
 * use either completes or throws the object's {@link IllegalStateException}.
 */
final class ClosingRace {
    private static final int ROUNDS = 200;

    private ClosingRace() {
    }

    /** {@code users} threads repeat {@code use} until it throws; {@code close} comes after a random short pause. */
    static <T> void run(int users, Supplier<T> create, Consumer<T> use, Consumer<T> close, String closedMessage)
            throws InterruptedException {
        for (int round = 0; round < ROUNDS; round++) {
            T object = create.get();
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread[] threads = new Thread[users];
            for (int u = 0; u < users; u++) {
                threads[u] = new Thread(() -> {
                    try {
                        while (true) {
                            use.accept(object);
                        }
                    } catch (Throwable e) {
                        ended.compareAndSet(null, e);
                        if (!(e instanceof IllegalStateException)) {
                            ended.set(e);
                        }
                    }
                });
                threads[u].start();
            }
            long pause = ThreadLocalRandom.current().nextLong(200_000);
            for (long start = System.nanoTime(); System.nanoTime() - start < pause; ) {
                Thread.onSpinWait();
            }
            close.accept(object);
            for (Thread user : threads) {
                user.join();
            }
            Throwable e = ended.get();
            assertInstanceOf(IllegalStateException.class, e, "a use racing close() failed otherwise: " + e);
            assertTrue(e.getMessage().contains(closedMessage), e.getMessage());
        }
    }
}
