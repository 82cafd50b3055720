package org.jmultiprocessing.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.jmultiprocessing.Multiprocessing;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.Queue;

/**
 * The limit row of the small-message rows: Agrona's one-to-one ring buffer over a file mapped in /dev/shm by two
 * child JVMs, one writing small ints as fast as the ring takes them, the other reading them in batches of as many
 * as queue-small gets. Agrona reaches memory through jdk.internal.misc, which its JVMs must be allowed.
 */
final class AgronaRing {
    private static final int RING_BYTES = 1 << 20;
    private static final int BATCH = 2_000_000;
    private static final int MESSAGE_TYPE = 1;
    private static final String EXPORT = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    private AgronaRing() {
    }

    static Scenario scenario() {
        return new Scenario("agrona-ring", "Agrona ring in /dev/shm, child → child, small ints (limit)",
                "Agrona ring", "M msgs/s", true, 5, List.of(new Scenario.Configuration("", null, false,
                        AgronaRing::measure, "Agrona ring", null)), EnumSet.noneOf(Peer.class));
    }

    private static OneToOneRingBuffer map(String path) throws IOException {
        try (FileChannel channel = new RandomAccessFile(path, "rw").getChannel()) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0,
                    RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH);
            return new OneToOneRingBuffer(new UnsafeBuffer(mapped));
        }
    }

    private static void write(String path, int count) throws IOException {
        OneToOneRingBuffer ring = map(path);
        UnsafeBuffer message = new UnsafeBuffer(new byte[Integer.BYTES]);
        for (int i = 0; i < count; i++) {
            message.putInt(0, i);
            while (!ring.write(MESSAGE_TYPE, message, 0, Integer.BYTES)) {
                Thread.onSpinWait(); // the ring is full
            }
        }
    }

    /** Puts on {@code rates} the million messages per second of each batch after the first. */
    private static void read(String path, int batches, Queue<Double> rates) throws IOException {
        OneToOneRingBuffer ring = map(path);
        long[] sum = new long[1];
        for (int batch = 0; batch < batches; batch++) {
            long start = System.nanoTime();
            for (int got = 0; got < BATCH;) {
                got += ring.read((type, buffer, index, length) -> sum[0] += buffer.getInt(index), BATCH - got);
            }
            double rate = BATCH / KernelLibScenarios.secondsSince(start) / 1e6;
            if (batch > 0) {
                rates.put(rate);
            }
        }
        long expected = (long) batches * BATCH * (batches * BATCH - 1L) / 2;
        if (sum[0] != expected) {
            throw new AssertionError("the ring delivered ints summing to " + sum[0] + ", not " + expected);
        }
    }

    private static List<Sample> measure(int runs) throws Exception {
        Path file = Files.createTempFile(Path.of("/dev/shm"), "jmp-bench-agrona-", ".ring");
        Multiprocessing.setJvmOptions(EXPORT);
        try {
            Files.write(file, new byte[RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH]);
            String path = file.toString();
            int batches = runs + 1;
            Queue<Double> rates = new Queue<>();
            Process reader = new Process((String p, Integer n, Queue<Double> r) -> read(p, n, r), path, batches, rates);
            Process writer = new Process((String p, Integer n) -> write(p, n), path, batches * BATCH);
            reader.start();
            writer.start();
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                samples.add(Sample.of(rates.get(120.0))); // a bound, should a child fail
            }
            writer.join();
            reader.join();
            if (reader.exitCode() != 0 || writer.exitCode() != 0) {
                throw new IllegalStateException("the ring's children ended with " + reader.exitCode() + " and " + writer.exitCode());
            }
            return samples;
        } finally {
            Multiprocessing.setJvmOptions();
            Files.deleteIfExists(file);
        }
    }
}
