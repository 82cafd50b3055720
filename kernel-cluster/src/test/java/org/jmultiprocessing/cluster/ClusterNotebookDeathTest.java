package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.Process;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;
import org.jmultiprocessing.cluster.internal.task.MemberSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A notebook JVM killed with SIGKILL mid-map: every member interrupts its tasks and frees its session. */
@ExtendWith(SharedCluster.class)
class ClusterNotebookDeathTest {
    @TempDir
    Path dir;

    @Test
    void shouldFreeTheSessionOfAKilledNotebookOnEveryMember() throws Exception {
        Path keyFile = dir.resolve("cluster.key");
        ClusterRuntime.current().key().write(keyFile);
        Path marks = Files.createDirectory(dir.resolve("marks"));
        List<Cluster.Member> members = SharedCluster.cluster().members();
        String addresses = String.join(",", members.stream().map(Cluster.Member::address).toList());
        java.lang.Process notebook = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DyingNotebook.class.getName(), addresses, keyFile.toString(),
                marks.toString()).redirectErrorStream(true).start();
        String session;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(notebook.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("session ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the notebook did not connect");
            session = line.substring("session ".length());
            waitFor(() -> count(marks, "started-") == 3);
            assertTrue(sessionObjects(session) > 0, "the session has objects on the cluster");
            notebook.destroyForcibly();
            assertTrue(notebook.waitFor(10, TimeUnit.SECONDS));
        } finally {
            notebook.destroyForcibly();
        }
        waitFor(() -> count(marks, "interrupted-") == 3);
        Thread.sleep(500);
        assertEquals(3, count(marks, "started-"), "no chunk of the dead notebook started after its death");
        waitFor(() -> sessionObjects(session) == 0);
        // One process per member (members are taken in turn): each fails if the session is still live there.
        List<Process> checks = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Process check = SharedCluster.cluster().context().process((String s) -> {
                if (MemberSessions.sessionsHere().contains(s)) {
                    throw new IllegalStateException("session " + s + " is still live on " + ProcessHandle.current().pid());
                }
            }, session);
            check.start();
            checks.add(check);
        }
        List<Long> pids = new ArrayList<>();
        for (Process check : checks) {
            check.join();
            assertEquals(0, check.exitCode());
            pids.add(check.pid());
        }
        assertEquals(members.size(), pids.stream().distinct().count(), "checked on every member: " + pids);
    }

    private static long sessionObjects(String session) {
        return ClusterRuntime.current().hazelcast().getDistributedObjects().stream()
                .filter(o -> o.getName().startsWith("jmp." + session + ".")).count();
    }

    private static long count(Path dir, String prefix) {
        File[] files = dir.toFile().listFiles((d, name) -> name.startsWith(prefix));
        return files == null ? 0 : files.length;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting");
            Thread.sleep(50);
        }
    }
}
