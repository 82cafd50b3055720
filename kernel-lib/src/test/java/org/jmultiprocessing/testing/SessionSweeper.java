package org.jmultiprocessing.testing;

import org.jmultiprocessing.internal.Session;

/** Test-only program: a new root process, whose session start sweeps directories of dead roots. */
public final class SessionSweeper {
    private SessionSweeper() {
    }

    public static void main(String[] args) {
        System.out.println("session=" + Session.current().directory());
    }
}
