package org.jmultiprocessing.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.jmultiprocessing.Pool;

/**
 * A notebook in its own JVM, which the test kills mid-map: args are the members' addresses (comma-separated),
 * the key file and a directory where its tasks leave marks ({@code started-N} and {@code interrupted-N}).
 */
public final class DyingNotebook {
    private DyingNotebook() {
    }

    public static void main(String[] args) throws Exception {
        Cluster cluster = Cluster.connect(Arrays.asList(args[0].split(",")), Path.of(args[1]));
        String marks = args[2];
        System.out.println("session " + cluster.session());
        Pool pool = cluster.context().pool(3);
        pool.mapAsync((Integer x) -> {
            Files.createFile(Path.of(marks, "started-" + x));
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Files.createFile(Path.of(marks, "interrupted-" + x));
            }
            return x;
        }, List.of(1, 2, 3, 4, 5, 6), 1);
        Thread.sleep(600_000); // until killed
    }
}
