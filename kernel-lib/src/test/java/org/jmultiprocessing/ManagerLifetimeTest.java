package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jmultiprocessing.testing.JavaProgram;
import org.jmultiprocessing.testing.ManagerOwner;
import org.junit.jupiter.api.Test;

/** A manager's server ends with the process that made it: no orphan, whether the owner exits or is killed. */
class ManagerLifetimeTest {
    /** Alive and not a zombie (an exited orphan stays in the process table until init reaps it). */
    private static boolean isRunning(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String fields;
        try {
            fields = Files.readString(stat);
        } catch (IOException gone) {
            return false;
        }
        return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
    }

    private static void awaitEnd(long pid) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (isRunning(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(isRunning(pid), "the manager's server " + pid + " outlived its owner");
    }

    @Test
    void shouldEndTheServerWhenItsOwnerExits() throws Exception {
        String output = JavaProgram.run(ManagerOwner.class);
        awaitEnd(Long.parseLong(JavaProgram.value(output, "server")));
    }

    @Test
    void shouldEndTheServerWhenItsOwnerIsKilled() throws Exception {
        java.lang.Process owner = JavaProgram.start(ManagerOwner.class, "wait");
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith("server="));
            assertTrue(line != null, "the owner printed no server pid");
            long server = Long.parseLong(line.substring("server=".length()));
            assertTrue(isRunning(server));
            owner.destroyForcibly().waitFor();
            awaitEnd(server);
        } finally {
            owner.destroyForcibly();
        }
    }
}
