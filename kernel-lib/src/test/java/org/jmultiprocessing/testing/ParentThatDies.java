package org.jmultiprocessing.testing;

import org.jmultiprocessing.Multiprocessing;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.Queue;
import org.jmultiprocessing.SharedMemory;
import org.jmultiprocessing.internal.runtime.Session;

/**
 * Test-only parent program: starts a long-running child that holds a queue and a shared-memory block (files
 * in the session directory), reports the child's pid and the session, and waits to be killed. With the
 * argument {@code no-standby} no ready standby is started, so that the child is the last of the tree.
 */
public final class ParentThatDies {
    private ParentThatDies() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("no-standby")) {
            Multiprocessing.setReadyStandby(false);
        }
        Queue<String> queue = new Queue<>();
        SharedMemory block = SharedMemory.create(4096);
        Process child = new Process((Queue<String> q, String name) -> {
            SharedMemory attached = SharedMemory.attach(name);
            q.put("attached " + attached.size());
            Thread.sleep(120_000);
        }, queue, block.name());
        child.start();
        System.out.println(queue.get(60.0));
        System.out.println("child=" + child.pid());
        System.out.println("session=" + Session.current().directory());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
