package org.jmultiprocessing.testing;

import org.jmultiprocessing.Process;
import org.jmultiprocessing.internal.runtime.Session;

/** Test-only parent program: returns from main while a daemon and a non-daemon child still run. */
public final class ParentThatExits {
    private ParentThatExits() {
    }

    public static void main(String[] args) throws Exception {
        Process daemon = new Process(() -> Thread.sleep(120_000)).daemon(true);
        Process worker = new Process(() -> {
            Thread.sleep(500);
            System.out.println("non-daemon done");
        });
        daemon.start();
        worker.start();
        System.out.println("daemon=" + daemon.pid());
        System.out.println("session=" + Session.current().directory());
    }
}
