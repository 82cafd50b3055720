package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;

import org.jmultiprocessing.testing.FirstUseDuringExit;
import org.jmultiprocessing.testing.JavaProgram;
import org.jmultiprocessing.testing.ParentThatDies;
import org.jmultiprocessing.testing.ParentThatExits;
import org.jmultiprocessing.testing.SessionSweeper;
import org.junit.jupiter.api.Test;

/** What happens to children and files when the parent program ends, normally or by SIGKILL. */
class ProcessLifetimeTest {

    /**
     * Alive and not a zombie: an orphan that has exited stays in the process table until init reaps it,
     * which on some machines takes seconds, and ProcessHandle counts it as alive until then.
     */
    private static boolean isRunning(ProcessHandle process) throws IOException {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (!process.isAlive() || !Files.exists(stat)) {
            return false;
        }
        String fields = Files.readString(stat);
        return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
    }

    @Test
    void shouldPrintNothingWhenFirstUsedWhileTheJvmExits() throws Exception {
        assertEquals("exiting\n", JavaProgram.run(FirstUseDuringExit.class));
    }

    @Test
    void shouldEndChildrenAndRemoveTheSessionWithinTwoSecondsOfParentKill() throws Exception {
        // Without a standby, the child is the last process of the tree: its parent watchdog removes the directory.
        KilledParent parent = KilledParent.start("no-standby");
        try (Stream<Path> files = Files.list(parent.session)) {
            assertTrue(files.count() >= 2, "the queue and shared memory have files in the session");
        }

        parent.process.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        while ((isRunning(parent.child) || Files.exists(parent.session)) && System.nanoTime() - killed < 2_000_000_000L) {
            Thread.sleep(10);
        }
        assertFalse(isRunning(parent.child), "child still running 2 s after its parent was killed");
        assertFalse(Files.exists(parent.session), "session directory left 2 s after its parent was killed");
    }

    @Test
    void shouldRemoveTheSessionWhenTheLastChildIsTerminatedAfterParentKill() throws Exception {
        KilledParent parent = KilledParent.start("no-standby");
        parent.process.destroyForcibly().waitFor();
        parent.child.destroy(); // SIGTERM halts the child at once, before its watchdog sees the parent gone
        long killed = System.nanoTime();
        while ((isRunning(parent.child) || Files.exists(parent.session)) && System.nanoTime() - killed < 2_000_000_000L) {
            Thread.sleep(10);
        }
        assertFalse(isRunning(parent.child), "terminated child still running");
        assertFalse(Files.exists(parent.session), "a terminated last child left the session directory");
    }

    @Test
    void shouldSweepTheSessionOfATreeKilledAllAtOnce() throws Exception {
        KilledParent parent = KilledParent.start("no-standby");
        parent.child.destroyForcibly(); // while its parent lives: the parent is the last of the tree
        parent.process.destroyForcibly().waitFor();

        // The next root process on the machine sweeps it, in the background (may be another program's, before this one).
        String output = JavaProgram.run(SessionSweeper.class, parent.session.toString());
        assertEquals("true", JavaProgram.value(output, "swept"), "the next root did not sweep the killed tree's directory");
    }

    /** A running {@link ParentThatDies}, its child and its session directory. */
    private record KilledParent(java.lang.Process process, ProcessHandle child, Path session) {
        static KilledParent start(String... args) throws IOException {
            java.lang.Process parent = JavaProgram.start(ParentThatDies.class, args);
            BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder output = new StringBuilder();
            String line;
            do {
                line = lines.readLine();
                output.append(line).append('\n');
            } while (line != null && !line.startsWith("session="));
            String all = output.toString();
            assertTrue(all.contains("attached 4096"), all);
            long childPid = Long.parseLong(JavaProgram.value(all, "child"));
            Path session = Paths.get(JavaProgram.value(all, "session"));
            return new KilledParent(parent, ProcessHandle.of(childPid).orElseThrow(), session);
        }
    }

    @Test
    void shouldJoinNonDaemonAndTerminateDaemonChildrenAtNormalExit() throws Exception {
        long start = System.nanoTime();
        String output = JavaProgram.run(ParentThatExits.class);
        assertTrue(System.nanoTime() - start >= 500_000_000L, "the parent waited for its non-daemon child");
        assertTrue(output.contains("non-daemon done"), output);
        Optional<ProcessHandle> daemon = ProcessHandle.of(Long.parseLong(JavaProgram.value(output, "daemon")));
        assertFalse(daemon.map(ProcessHandle::isAlive).orElse(false), "daemon child terminated when its parent exited");
        assertFalse(Files.exists(Paths.get(JavaProgram.value(output, "session"))), "session directory removed at exit");
    }
}
