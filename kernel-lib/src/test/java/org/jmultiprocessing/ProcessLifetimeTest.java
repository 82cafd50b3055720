package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    void shouldEndChildrenWithinTwoSecondsOfParentKill() throws Exception {
        java.lang.Process parent = JavaProgram.start(ParentThatDies.class);
        BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        long childPid = Long.parseLong(lines.readLine().substring("child=".length()));
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
        List<Path> sessionDirs = sessionDirsOf(parent.pid());
        assertEquals(1, sessionDirs.size(), "the parent made one session directory");

        parent.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        while (isRunning(child) && System.nanoTime() - killed < 2_000_000_000L) {
            Thread.sleep(10);
        }
        assertFalse(isRunning(child), "child still running 2 s after its parent was killed");

        // A killed parent cannot clean up after itself: the next root process on the machine sweeps (which
        // may be another program's, before this one).
        JavaProgram.run(SessionSweeper.class);
        assertFalse(Files.exists(sessionDirs.get(0)), "the next root process sweeps the dead parent's directory");
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

    private static List<Path> sessionDirsOf(long pid) throws IOException, InterruptedException {
        List<Path> dirs = new ArrayList<>();
        for (int attempt = 0; attempt < 100 && dirs.isEmpty(); attempt++) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(Paths.get("/dev/shm"), "jmp-" + pid + "-*")) {
                found.forEach(dirs::add);
            }
            Thread.sleep(10);
        }
        return dirs;
    }
}
