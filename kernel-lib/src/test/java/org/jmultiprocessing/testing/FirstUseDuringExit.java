package org.jmultiprocessing.testing;

import org.jmultiprocessing.internal.shm.SharedRegion;

/**
 * Test-only program: the library is first used while the JVM exits (as a standby's warm-up can be when its
 * short task ends the JVM), which registers the library's exit hook too late.
 */
public final class FirstUseDuringExit {
    private FirstUseDuringExit() {
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedRegion::warmUp));
        System.out.println("exiting");
    }
}
