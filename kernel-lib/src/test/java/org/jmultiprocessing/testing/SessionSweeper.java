package org.jmultiprocessing.testing;

import java.nio.file.Files;
import java.nio.file.Paths;

import org.jmultiprocessing.internal.runtime.Session;

/**
 * Test-only program: a new root process, whose session start sweeps directories of dead roots in the
 * background. Given a path, it waits (at most 30 s) for that path to be swept and prints whether it was.
 */
public final class SessionSweeper {
    private SessionSweeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("session=" + Session.current().directory());
        if (args.length > 0) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (Files.exists(Paths.get(args[0])) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            System.out.println("swept=" + !Files.exists(Paths.get(args[0])));
        }
    }
}
