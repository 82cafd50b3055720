package org.jmultiprocessing.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.jmultiprocessing.Connection;
import org.jmultiprocessing.Pipe;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.Queue;

/**
 * The large-data rows: a 256 MiB {@code byte[]} or {@code double[]} from a child to the parent through a Queue or a
 * Pipe, as GB/s and as each side's extra memory during one transfer, and the machine's memory copy beside them as
 * their limit. CPython's side is the function of the same id in mp_bench.py, with {@code bytes} and
 * {@code array('d')} of the same size.
 */
final class LargeData {
    private static final int PAYLOAD_BYTES = 256 << 20;
    private static final int RUNS = 3;
    private static final String GO = "go";

    private LargeData() {
    }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        for (boolean queue : new boolean[] {true, false}) {
            String via = queue ? "queue" : "pipe";
            String title = (queue ? "Queue" : "Pipe") + " child → parent, 256 MiB ";
            for (boolean doubles : new boolean[] {false, true}) {
                String kind = doubles ? "double[]" : "byte[]";
                scenarios.add(row("large-" + via + (doubles ? "-doubles" : "-bytes"), title + kind,
                        (queue ? "Queue " : "Pipe ") + kind, "GB/s", true, queue, doubles, Transfer::gigabytesPerSecond));
            }
            scenarios.add(row("large-" + via + "-parent-mib", title + "byte[]: receiver's extra memory",
                    (queue ? "Queue" : "Pipe") + " receiver RSS", "MiB", false, queue, false, Transfer::receiverMib));
            scenarios.add(row("large-" + via + "-child-mib", title + "byte[]: sender's extra memory",
                    (queue ? "Queue" : "Pipe") + " sender RSS", "MiB", false, queue, false, Transfer::senderMib));
        }
        scenarios.add(new Scenario("memory-copy", "Memory copy of 256 MiB in one process (limit)",
                "Memory copy", "GB/s", true, RUNS, List.of(new Scenario.Configuration("", null, false,
                        LargeData::memoryCopy, "System.arraycopy", null))));
        return scenarios;
    }

    private static Scenario row(String id, String title, String chartLabel, String unit, boolean higherIsBetter,
            boolean queue, boolean doubles, ToDoubleFunction<Transfer> figure) {
        return new Scenario(id, title, chartLabel, unit, higherIsBetter, RUNS, List.of(new Scenario.Configuration("",
                null, false, runs -> transfers(runs, queue, doubles).stream().map(t -> Sample.of(figure.applyAsDouble(t))).toList())));
    }

    /**
     * One transfer: its speed and the memory each side allocated for it, in MiB: the receiver's includes the
     * array received, the sender's ideally nothing (see {@link #allocatedBytes}).
     */
    record Transfer(double gigabytesPerSecond, double receiverMib, double senderMib) {
    }

    /** Either end of the transfer: a Queue each way, or a duplex Pipe's connection. */
    private interface End {
        void send(Object message);

        Object recv();

        static End of(Queue<Object> out, Queue<Object> in) {
            return new End() {
                public void send(Object message) {
                    out.put(message);
                }

                public Object recv() {
                    return in.get();
                }
            };
        }

        static End of(Connection connection) {
            return new End() {
                public void send(Object message) {
                    connection.send(message);
                }

                public Object recv() {
                    return connection.recv();
                }
            };
        }
    }

    /**
     * The child's side: makes the array, then per transfer waits for the go, sends it, waits for the parent's
     * acknowledgement (a Queue may still be sending after put returns) and sends the bytes it allocated
     * meanwhile.
     */
    private static void send(End end, boolean doubles, int transfers) {
        Object payload;
        if (doubles) {
            double[] values = new double[PAYLOAD_BYTES / Double.BYTES];
            Arrays.setAll(values, i -> i);
            payload = values;
        } else {
            byte[] bytes = new byte[PAYLOAD_BYTES];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
            payload = bytes;
        }
        for (int i = 0; i < transfers; i++) {
            long before = allocatedBytes();
            end.send(GO);
            end.recv();
            end.send(payload);
            end.recv();
            end.send(mibAllocatedSince(before));
        }
    }

    private static List<Transfer> transfers(int runs, boolean queue, boolean doubles) throws Exception {
        Queue<Object> toParent = queue ? new Queue<>() : null;
        Queue<Object> toChild = queue ? new Queue<>() : null;
        Pipe pipe = queue ? null : new Pipe();
        int transfers = runs + 1;
        Process child = queue
                ? new Process((Queue<Object> out, Queue<Object> in, Boolean d, Integer n) -> send(End.of(out, in), d, n),
                        toParent, toChild, doubles, transfers)
                : new Process((Connection c, Boolean d, Integer n) -> send(End.of(c), d, n), pipe.conn2(), doubles, transfers);
        child.start();
        End end = queue ? End.of(toChild, toParent) : End.of(pipe.conn1());
        List<Transfer> measured = new ArrayList<>();
        for (int i = 0; i < transfers; i++) {
            end.recv(); // the child is ready
            long before = allocatedBytes();
            long start = System.nanoTime();
            end.send(GO);
            Object received = end.recv();
            double seconds = KernelLibScenarios.secondsSince(start);
            double receiverMib = mibAllocatedSince(before);
            check(received, doubles);
            received = null;
            end.send(GO);
            double senderMib = (Double) end.recv();
            if (i > 0) { // the first transfer warms both sides up
                measured.add(new Transfer(PAYLOAD_BYTES / seconds / 1e9, receiverMib, senderMib));
            }
        }
        child.join();
        if (pipe != null) {
            pipe.conn1().close();
        }
        return measured;
    }

    private static void check(Object received, boolean doubles) {
        boolean intact = doubles
                ? received instanceof double[] values && values.length == PAYLOAD_BYTES / Double.BYTES
                        && values[values.length - 1] == values.length - 1
                : received instanceof byte[] bytes && bytes.length == PAYLOAD_BYTES
                        && bytes[bytes.length - 1] == (byte) (bytes.length - 1);
        if (!intact) {
            throw new AssertionError("the 256 MiB payload arrived damaged");
        }
    }

    /**
     * Bytes this JVM's threads have allocated so far. A JVM keeps the heap pages it touched and reuses them, so
     * its resident memory hardly grows on a transfer after the first; what a transfer demands is what it
     * allocates (CPython's large buffers are mapped fresh and returned at once, so there it is resident memory).
     */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static double mibAllocatedSince(long allocatedBefore) {
        return (allocatedBytes() - allocatedBefore) / (1024.0 * 1024.0);
    }

    /** GB/s of System.arraycopy from one 256 MiB byte[] into another, both already in memory. */
    private static List<Sample> memoryCopy(int runs) {
        byte[] from = new byte[PAYLOAD_BYTES];
        byte[] to = new byte[PAYLOAD_BYTES];
        Arrays.fill(from, (byte) 1);
        Arrays.fill(to, (byte) 2);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long start = System.nanoTime();
            System.arraycopy(from, 0, to, 0, PAYLOAD_BYTES);
            double seconds = KernelLibScenarios.secondsSince(start);
            if (i > 0) {
                samples.add(Sample.of(PAYLOAD_BYTES / seconds / 1e9));
            }
        }
        return samples;
    }
}
