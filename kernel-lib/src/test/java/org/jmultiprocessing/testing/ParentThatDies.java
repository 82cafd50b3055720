package org.jmultiprocessing.testing;

import org.jmultiprocessing.Process;

/** Test-only parent program: starts a long-running child, reports its pid, and waits to be killed. */
public final class ParentThatDies {
    private ParentThatDies() {
    }

    public static void main(String[] args) throws Exception {
        Process child = new Process(() -> Thread.sleep(120_000));
        child.start();
        System.out.println("child=" + child.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
