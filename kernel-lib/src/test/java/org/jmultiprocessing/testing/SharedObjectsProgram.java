package org.jmultiprocessing.testing;

import org.jmultiprocessing.Barrier;
import org.jmultiprocessing.Connection;
import org.jmultiprocessing.Pipe;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.Queue;
import org.jmultiprocessing.SharedMemory;
import org.jmultiprocessing.Value;
import org.jmultiprocessing.internal.runtime.Session;

/**
 * Test-only root program that creates one of each kind of shared object and uses them with a child; with
 * the argument {@code hang} it then waits to be killed instead of exiting.
 */
public final class SharedObjectsProgram {
    private SharedObjectsProgram() {
    }

    public static void main(String[] args) throws Exception {
        Queue<String> queue = new Queue<>();
        Pipe pipe = new Pipe();
        Value.OfInt value = Value.ofInt(0);
        Barrier barrier = new Barrier(2);
        SharedMemory shm = SharedMemory.create(1 << 20);
        Process child = new Process((Queue<String> q, Connection c, Value.OfInt v, Barrier b) -> {
            b.await(30.0);
            v.addAndGet(1);
            c.send("hello");
            q.put("done");
        }, queue, pipe.conn2(), value, barrier);
        child.start();
        barrier.await(30.0);
        System.out.println("pipe=" + pipe.conn1().recv());
        System.out.println("queue=" + queue.get(30.0));
        child.join();
        System.out.println("value=" + value.get() + " shm=" + shm.size());
        System.out.println("session=" + Session.current().directory());
        if (args.length > 0 && args[0].equals("hang")) {
            Thread.sleep(120_000);
        }
    }
}
