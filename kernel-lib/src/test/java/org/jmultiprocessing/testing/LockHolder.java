package org.jmultiprocessing.testing;

import java.nio.channels.FileChannel;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Test-only program: holds a shared lock on the file given as argument, as a running process of a session
 * holds its lock file, until its stdin closes.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel file = FileChannel.open(Paths.get(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            file.lock(0, Long.MAX_VALUE, true);
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }
}
