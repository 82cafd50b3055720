package org.jmultiprocessing.testing;

import java.util.Map;

import org.jmultiprocessing.Manager;
import org.jmultiprocessing.Multiprocessing;
import org.jmultiprocessing.Process;

/**
 * Test-only program: makes a manager (and does not shut it down), reports its server's pid, then exits
 * normally, or with the argument {@code wait} waits to be killed.
 */
public final class ManagerOwner {
    private ManagerOwner() {
    }

    public static void main(String[] args) throws Exception {
        Manager manager = new Manager();
        Map<String, String> dict = manager.dict();
        dict.put("owner", "alive");
        Process server = Multiprocessing.activeChildren().stream()
                .filter(p -> p.name().startsWith("SyncManager")).findFirst().orElseThrow();
        System.out.println("server=" + server.pid());
        System.out.flush();
        if (args.length > 0 && args[0].equals("wait")) {
            Thread.sleep(120_000);
        }
    }
}
